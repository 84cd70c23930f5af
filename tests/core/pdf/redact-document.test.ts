// redactDocument (electron/core/documents/redaction.ts) through the PDF worker: the copy is
// stored as the format the redaction produced, under a name with that format's extension.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../shared/contract/documents';
import { redactedFileName } from '../../../electron/core/documents/redaction';
import { sniff } from '../../../electron/core/documents/sniff';
import { removeDir } from '../support/fixtures';
import { makeImage, openDocumentsWorld, valueOf, type DocumentsWorld } from '../documents/support';
import { quarterCanvas } from './sample-images';

let world: DocumentsWorld;
beforeEach(async () => {
  world = await openDocumentsWorld();
});
afterEach(async () => {
  world.store.close();
  await removeDir(world.dir);
});

const topLeft = [{ page: 1, x: 0, y: 0, width: 0.5, height: 0.5 }];

describe('redactDocument', () => {
  it('stores a redacted GIF as the PNG it became, named .png', async () => {
    const gif = valueOf<DocumentView>(await world.importBytes(await quarterCanvas(80, 60).encode('gif'), 'foto.gif'));
    expect(gif.mediaType).toBe('image/gif');
    const copy = valueOf<DocumentView>(await world.call('redactDocument', { documentId: gif.id, regions: topLeft }));
    expect(copy).toMatchObject({ fileName: 'foto (tachado).png', mediaType: 'image/png', kind: 'image', redactedFrom: gif.id });
    const { bytes } = await world.documents.readVerified(copy.id, 'test');
    expect(sniff(bytes).mediaType).toBe('image/png');
  });

  it('keeps the name and type of a format that stays the same', async () => {
    const jpeg = valueOf<DocumentView>(await world.importBytes(makeImage('image/jpeg'), 'boleta.JPEG'));
    const copy = valueOf<DocumentView>(await world.call('redactDocument', { documentId: jpeg.id, regions: topLeft }));
    expect(copy).toMatchObject({ fileName: 'boleta (tachado).JPEG', mediaType: 'image/jpeg' });
  });
});

describe('redactedFileName', () => {
  it.each([
    ['scan.gif', 'image/gif', 'image/png', 'scan (tachado).png'],
    ['scan', 'image/gif', 'image/png', 'scan (tachado).png'],
    ['cartola.pdf', 'application/pdf', 'application/pdf', 'cartola (tachado).pdf'],
    ['sin extension', 'image/png', 'image/png', 'sin extension (tachado)'],
    ['.gif', 'image/gif', 'image/png', 'gif (tachado).png'], // the sanitiser drops leading dots
    ['../../', 'image/png', 'image/png', 'documento (tachado)'],
  ])('%s (%s → %s) → %s', (name, from, to, expected) => {
    expect(redactedFileName(name, from, to)).toBe(expected);
  });
});
