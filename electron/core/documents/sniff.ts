import type { DocumentKind } from '../../../shared/contract/documents';
import { extensionOf } from '../../../shared/documents/file-name';

export interface SniffedType {
  readonly mediaType: string;
  readonly kind: DocumentKind;
}

/** How many leading bytes sniff() needs. */
export const SNIFF_BYTES = 64 * 1024;

const ascii = (bytes: Uint8Array, start: number, end: number): string => String.fromCharCode(...bytes.subarray(start, end));
const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean => signature.every((b, i) => bytes[at + i] === b);

const OTHER = (mediaType: string): SniffedType => ({ mediaType, kind: 'other' });

/**
 * The type of a file from its first bytes (magic numbers), never from its name. Types the
 * viewer can show get their kind; the rest (HEIC, ZIP, Office files, anything unknown) are
 * 'other': listed with type and size, saved but never opened by the app.
 */
export function sniff(head: Uint8Array): SniffedType {
  // Acrobat accepts '%PDF-' anywhere in the first 1024 bytes (some generators prepend junk).
  if (ascii(head, 0, Math.min(head.length, 1024)).includes('%PDF-')) return { mediaType: 'application/pdf', kind: 'pdf' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mediaType: 'image/png', kind: 'image' };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { mediaType: 'image/jpeg', kind: 'image' };
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return { mediaType: 'image/gif', kind: 'image' };
  if (ascii(head, 0, 4) === 'RIFF') {
    const form = ascii(head, 8, 12);
    if (form === 'WEBP') return { mediaType: 'image/webp', kind: 'image' };
    if (form === 'WAVE') return { mediaType: 'audio/wav', kind: 'audio' };
    return OTHER('application/octet-stream');
  }
  if (ascii(head, 4, 8) === 'ftyp') return isoMedia(ascii(head, 8, 12));
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return ascii(head, 0, 64).includes('webm') ? { mediaType: 'video/webm', kind: 'video' } : OTHER('video/x-matroska');
  if (ascii(head, 0, 4) === 'OggS') return { mediaType: 'audio/ogg', kind: 'audio' };
  if (ascii(head, 0, 3) === 'ID3' || isMpegAudioFrame(head)) return { mediaType: 'audio/mpeg', kind: 'audio' };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return zipFamily(head);
  const text = decodeUtf8Head(head);
  if (text !== null) return looksLikeEmail(text) ? { mediaType: 'message/rfc822', kind: 'email' } : { mediaType: 'text/plain', kind: 'text' };
  return OTHER('application/octet-stream');
}

/** ISO base media (MP4 family): the major brand says which. */
function isoMedia(brand: string): SniffedType {
  if (/^(heic|heix|hevc|hevx|mif1|msf1|avif)$/.test(brand)) return OTHER(brand === 'avif' ? 'image/avif' : 'image/heic');
  if (/^M4[AB] $/.test(brand)) return { mediaType: 'audio/mp4', kind: 'audio' };
  if (brand === 'qt  ') return { mediaType: 'video/quicktime', kind: 'video' };
  return { mediaType: 'video/mp4', kind: 'video' };
}

/** An MPEG audio frame header: 11 sync bits, a valid layer and bitrate index. */
function isMpegAudioFrame(head: Uint8Array): boolean {
  const [a = 0, b = 0, c = 0] = head;
  return a === 0xff && (b & 0xe0) === 0xe0 && (b & 0x06) !== 0 && (c & 0xf0) !== 0xf0;
}

/** ZIP containers: Office files name their parts early in the archive. */
function zipFamily(head: Uint8Array): SniffedType {
  const names = ascii(head, 0, Math.min(head.length, 4096));
  if (names.includes('word/')) return OTHER('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  if (names.includes('xl/')) return OTHER('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  if (names.includes('ppt/')) return OTHER('application/vnd.openxmlformats-officedocument.presentationml.presentation');
  return OTHER('application/zip');
}

/** The head as text when it is UTF-8 without NULs (a multi-byte character cut at the end is fine). */
function decodeUtf8Head(head: Uint8Array): string | null {
  if (head.length === 0 || head.includes(0)) return null;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let cut = 0; cut <= 3 && cut < head.length; cut++) {
    try {
      return decoder.decode(head.subarray(0, head.length - cut));
    } catch {
      // retry without a possibly truncated trailing sequence
    }
  }
  return null;
}

const EMAIL_HEADERS = ['from', 'to', 'subject', 'date', 'message-id', 'mime-version', 'received', 'return-path', 'content-type'];

/**
 * RFC 822/5322 heuristics: the text opens with a header block (every line 'Name: value' or a
 * folded continuation) before the first empty line, and it names at least 'From' and two other
 * common headers. Plain notes that happen to start with 'Nota: …' do not qualify.
 */
function looksLikeEmail(text: string): boolean {
  const block = text.replace(/^\uFEFF/, '').split(/\r?\n\r?\n/, 1)[0] ?? '';
  const lines = block.split(/\r?\n/);
  const names = new Set<string>();
  for (const line of lines) {
    if (/^[ \t]/.test(line)) continue;
    const match = /^([!-9;-~]+):/.exec(line);
    if (!match?.[1]) return false;
    names.add(match[1].toLowerCase());
  }
  return names.has('from') && EMAIL_HEADERS.filter((name) => names.has(name)).length >= 3;
}

/** The kind the file name claims, for the extensions the viewer opens; null for the others. */
const CLAIMED_KIND: Readonly<Record<string, DocumentKind>> = {
  pdf: 'pdf',
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  gif: 'image',
  webp: 'image',
  txt: 'text',
  eml: 'email',
  mp3: 'audio',
  wav: 'audio',
  ogg: 'audio',
  oga: 'audio',
  m4a: 'audio',
  mp4: 'video',
  m4v: 'video',
  webm: 'video',
  mov: 'video',
};

/**
 * Does the name lie about the content? Only when the extension claims a kind the viewer would
 * open AND the bytes are another kind: 'boleta.pdf' that is a PNG is refused (whoever opens it
 * with the extension's program gets an error, and a disguised file is worth a second look),
 * while 'scan.heic' holding a JPEG, 'datos.bin' or a name without extension are accepted as what
 * the bytes are, since the name promised nothing the viewer relies on. Text and e-mail are one
 * family (an .eml is text, a .txt may hold a saved message), as are audio and video containers
 * (.ogg/.webm/.mp4 carry either).
 */
export function isTypeMismatch(fileName: string, sniffed: SniffedType): boolean {
  const claimed = CLAIMED_KIND[extensionOf(fileName)];
  if (claimed === undefined) return false;
  return family(claimed) !== family(sniffed.kind);
}

const family = (kind: DocumentKind): string => (kind === 'email' ? 'text' : kind === 'video' ? 'audio' : kind);
