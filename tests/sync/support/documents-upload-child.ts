// A core in its own process that shares one document and keeps syncing, for the SIGKILL test of
// uploads (tests/sync/documents-upload.test.ts). Run with `node --import tsx`; env: MESA_DB (a store already
// synced), MESA_PLATFORM_URL, MESA_TOKEN, MESA_CASE, MESA_TEXT (the document's content).
// Prints "queued <documentId>" once the import committed, then syncs until killed.
import { Readable } from 'node:stream';
import { dispatch } from '../../../electron/core/api/dispatch';
import type { DocumentView } from '../../../shared/contract/documents';
import { env, openChildCore } from './child-core';

const core = await openChildCore('upload-child', { baseMs: 20, maxMs: 100 });
const staged = await core.files.stage(Readable.from([Buffer.from(env('MESA_TEXT'), 'utf8')]), 'acta de acuerdo parcial.txt');
const imported = await dispatch(core.handlers, 'importDocument', { caseId: env('MESA_CASE'), staged, category: 'contrato', visibility: 'caucus_consumer' });
if (!imported.ok) throw new Error(JSON.stringify(imported.error));
process.stdout.write(`queued ${(imported.value as DocumentView).id}\n`);
for (;;) await dispatch(core.handlers, 'syncNow', {});
