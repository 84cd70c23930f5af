// A sync engine in its own process, for the SIGKILL test (tests/sync/crash.test.ts). Run with
// `node --import tsx`; env: MESA_DB (store file), MESA_PLATFORM_URL, MESA_TOKEN, MESA_CASE (a mediation case to
// write to), MESA_SEND (messages to send at start). Prints "started" once the writes are queued
// and "done" when the outbox is empty and the feed fully applied.
import { dispatch } from '../../../electron/core/api/dispatch';
import type { SyncStatus } from '../../../shared/contract/sync';
import { env, openChildCore } from './child-core';

const core = await openChildCore('crash-child', { baseMs: 20, maxMs: 200 });
// Messages can be written only to a case already synced: an early run (empty store) sends none.
const known = await dispatch(core.handlers, 'getCase', { caseId: env('MESA_CASE') });
const send = known.ok ? Number(process.env.MESA_SEND ?? 0) : 0;
for (let i = 0; i < send; i += 1) {
  const result = await dispatch(core.handlers, 'sendMessage', { caseId: env('MESA_CASE'), channel: 'joint', body: `Mensaje ${process.pid}-${i}` });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
}
process.stdout.write('started\n');
for (;;) {
  const result = await dispatch(core.handlers, 'syncNow', {});
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const status = result.value as SyncStatus;
  if (status.state === 'idle' && status.pendingWrites === 0) break;
}
await core.close();
process.stdout.write('done\n');
