// The desktop file bridge (electron/main/file-bridge.ts) under plain Node: the staging IPC
// channel with a recorded ipcMain, and the mesa-doc: handler with real Request/Response
// objects against a real document store. Only the Electron binary itself is missing here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView, OpenedDocument } from '../../../shared/contract/documents';
import { STAGE_FILE_CHANNEL, type StagedFile } from '../../../shared/contract/files';
import type { Result } from '../../../shared/contract/result';
import type { z } from 'zod';
import { bindStaging, respondToFileUrl } from '../../../electron/main/file-bridge';
import type { InvokeEventLike, IpcRegistrar } from '../../../electron/main/ipc-binding';
import { removeDir } from '../support/fixtures';
import { makePdf, openDocumentsWorld, valueOf, type DocumentsWorld } from './support';

let world: DocumentsWorld;
let invoke: (event: InvokeEventLike, input: unknown) => Promise<Result<unknown>>;
const APP = 'file:///opt/mesa/resources/app/out/renderer/index.html';
const fromApp: InvokeEventLike = { senderFrame: { url: APP, parent: null } };

beforeAll(async () => {
  world = await openDocumentsWorld('electron');
  const ipc: IpcRegistrar = {
    handle: (channel, listener) => {
      expect(channel).toBe(STAGE_FILE_CHANNEL);
      invoke = listener;
    },
    removeHandler: () => undefined,
  };
  bindStaging(ipc, { files: world.documents, isTrustedFrameUrl: (url) => url === APP });
});
afterAll(async () => {
  world.store.close();
  await removeDir(world.dir);
});

describe('desktop file bridge', () => {
  it('stages bytes from our renderer only, and refuses malformed messages', async () => {
    const pdf = await makePdf(['Factura 301']);
    const bytes = pdf.buffer.slice(pdf.byteOffset, pdf.byteOffset + pdf.byteLength);
    const staged = valueOf<StagedFile>(await invoke(fromApp, { fileName: 'factura.pdf', bytes }));
    expect(staged).toMatchObject({ fileName: 'factura.pdf', sizeBytes: pdf.length });
    expect(await invoke({ senderFrame: { url: 'https://evil.example/', parent: null } }, { fileName: 'x.pdf', bytes })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke({ senderFrame: { url: APP, parent: {} } }, { fileName: 'x.pdf', bytes })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke(fromApp, { fileName: 'x.pdf', bytes: 'not bytes' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await invoke(fromApp, { fileName: 'x.pdf', bytes: new ArrayBuffer(0) })).toMatchObject({ ok: false, error: { issues: [{ reason: 'empty_file' }] } });
  });

  it('serves mesa-doc://file/<token> with ranges and 404 for anything else', async () => {
    const pdf = await makePdf(['Seguimiento 77']);
    const staged = valueOf<StagedFile>(await invoke(fromApp, { fileName: 'seguimiento.pdf', bytes: pdf.buffer.slice(pdf.byteOffset, pdf.byteOffset + pdf.byteLength) }));
    const doc = valueOf<DocumentView>(await world.call('importDocument', { caseId: world.cases[0]?.case.id, staged, category: 'seguimiento_courier', visibility: 'joint' }));
    const { link } = valueOf<z.infer<typeof OpenedDocument>>(await world.call('openDocument', { documentId: doc.id }));
    expect(link.url).toMatch(/^mesa-doc:\/\/file\/[A-Za-z0-9_-]{43}$/);

    const whole = await respondToFileUrl(world.documents, new Request(link.url));
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('application/pdf');
    expect(whole.headers.get('access-control-allow-origin')).toBe('*');
    expect(Buffer.from(await whole.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);

    const part = await respondToFileUrl(world.documents, new Request(link.url, { headers: { Range: 'bytes=0-4' } }));
    expect(part.status).toBe(206);
    expect(await part.text()).toBe('%PDF-');

    for (const url of ['mesa-doc://file/../../etc/passwd', 'mesa-doc://other/' + link.url.slice(-43), 'mesa-doc://file/' + 'B'.repeat(43)]) {
      expect((await respondToFileUrl(world.documents, new Request(url))).status).toBe(404);
    }
  });
});
