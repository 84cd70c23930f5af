import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sanitizeFileName } from '../../../shared/documents/file-name';
import { writeHashed } from '../../../electron/core/documents/blob-store';
import { contentDisposition, parseRange } from '../../../electron/core/documents/serve';
import { isTypeMismatch, sniff } from '../../../electron/core/documents/sniff';

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniff', () => {
  it.each([
    [bytes('%PDF-1.7\n'), 'application/pdf', 'pdf'],
    [bytes('junk before %PDF-1.4'), 'application/pdf', 'pdf'],
    [bytes([0x89], 'PNG\r\n\x1a\n'), 'image/png', 'image'],
    [bytes([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg', 'image'],
    [bytes('GIF89a'), 'image/gif', 'image'],
    [bytes('RIFF\0\0\0\0WEBPVP8 '), 'image/webp', 'image'],
    [bytes('RIFF\0\0\0\0WAVEfmt '), 'audio/wav', 'audio'],
    [bytes('\0\0\0\x18ftypheic'), 'image/heic', 'other'],
    [bytes('\0\0\0\x18ftypM4A '), 'audio/mp4', 'audio'],
    [bytes('\0\0\0\x18ftypisom'), 'video/mp4', 'video'],
    [bytes('\0\0\0\x14ftypqt  '), 'video/quicktime', 'video'],
    [bytes([0x1a, 0x45, 0xdf, 0xa3], '\x42\x82\x84webm'), 'video/webm', 'video'],
    [bytes('OggS\0'), 'audio/ogg', 'audio'],
    [bytes('ID3\x04\0'), 'audio/mpeg', 'audio'],
    [bytes([0xff, 0xfb, 0x90, 0x64]), 'audio/mpeg', 'audio'],
    [bytes('PK\x03\x04xl/workbook.xml'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'other'],
    [bytes('PK\x03\x04otro.txt'), 'application/zip', 'other'],
    [Buffer.from('From: a@b.cl\r\nTo: c@d.cl\r\nSubject: hola\r\n\r\ncuerpo'), 'message/rfc822', 'email'],
    [Buffer.from('Nota: llamar a la tienda\nTo: nadie\n\ntexto'), 'text/plain', 'text'],
    [Buffer.from('ñandú €'.repeat(3)).subarray(0, 20), 'text/plain', 'text'],
    [bytes([0, 1, 2, 3]), 'application/octet-stream', 'other'],
    [bytes([0xc3, 0x28, 0x41, 0x41]), 'application/octet-stream', 'other'],
  ])('%#: %s', (head, mediaType, kind) => {
    expect(sniff(head)).toEqual({ mediaType, kind });
  });

  it('calls an extension a lie only when it claims a viewable kind the bytes are not', () => {
    const png = sniff(bytes([0x89], 'PNG\r\n\x1a\n'));
    expect(isTypeMismatch('boleta.pdf', png)).toBe(true);
    expect(isTypeMismatch('foto.JPG', png)).toBe(false);
    expect(isTypeMismatch('foto.heic', png)).toBe(false);
    expect(isTypeMismatch('sin-extension', png)).toBe(false);
    expect(isTypeMismatch('mensaje.txt', { mediaType: 'message/rfc822', kind: 'email' })).toBe(false);
    expect(isTypeMismatch('audio.webm', { mediaType: 'video/webm', kind: 'video' })).toBe(false);
  });
});

describe('sanitizeFileName', () => {
  it.each([
    ['boleta.pdf', 'boleta.pdf'],
    ['../../etc/passwd\u0000.pdf', 'passwd.pdf'],
    ['C:\\Users\\ana\\factura.pdf', 'factura.pdf'],
    ['a<b>c:d"e|f?g*h.png', 'a_b_c_d_e_f_g_h.png'],
    ['factura\u202Efdp.exe', 'facturafdp.exe'],
    ['nul', '_nul'],
    ['LPT1.txt', '_LPT1.txt'],
    ['informe. ', 'informe'],
    ['.bashrc', 'bashrc'],
    ['..', null],
    ['\u0000\u0001', null],
    ['///', null],
  ])('%j → %j', (raw, expected) => {
    expect(sanitizeFileName(raw)).toBe(expected);
  });

  it('cuts long names by code point and keeps the extension', () => {
    const name = sanitizeFileName(`${'ñ'.repeat(170)}${'😀'.repeat(30)}.pdf`) ?? '';
    expect(Array.from(name)).toHaveLength(180);
    expect(name.endsWith('😀.pdf')).toBe(true);
  });
});

describe('serving helpers', () => {
  it('parses one byte range and ignores what it cannot honour', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual([0, 9]);
    expect(parseRange('bytes=90-', 100)).toEqual([90, 99]);
    expect(parseRange('bytes=-10', 100)).toEqual([90, 99]);
    expect(parseRange('bytes=50-1000', 100)).toEqual([50, 99]);
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,5-6', 100)).toBeNull();
    expect(parseRange('items=0-1', 100)).toBeNull();
    expect(parseRange('bytes=9-3', 100)).toBeNull();
  });

  it('writes an ASCII fallback and the exact name as filename*', () => {
    expect(contentDisposition({ fileName: 'Boleta "ñ" (1).pdf', disposition: 'attachment' })).toBe(
      `attachment; filename="Boleta ___ (1).pdf"; filename*=UTF-8''Boleta%20%22%C3%B1%22%20%281%29.pdf`,
    );
  });
});

describe('writeHashed', () => {
  it('stops at the limit while streaming and leaves the caller to delete the partial file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mesa-hash-'));
    try {
      async function* chunks() {
        for (let i = 0; i < 100; i++) yield Buffer.alloc(1024, i);
      }
      await expect(writeHashed(chunks(), join(dir, 'x'), 10 * 1024)).rejects.toMatchObject({ reason: 'too_large' });
      expect(await readdir(dir)).toEqual(['x']);
      const small = await writeHashed([Buffer.from('abc')], join(dir, 'y'));
      expect(small).toEqual({ sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', size: 3 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
