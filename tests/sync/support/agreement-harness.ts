import { join } from 'node:path';
import { dispatch } from '../../../electron/core/api/dispatch';
import { openCore } from '../../../electron/core/core';
import type { AgreementCatalogue, AgreementState } from '../../../shared/contract/agreements';
import type { CaseDetailView, CaseListPage } from '../../../shared/contract/cases';
import type { AppErrorShape } from '../../../shared/contract/errors';
import type { SyncStatus } from '../../../shared/contract/sync';
import { createMemorySecretStore } from './memory-secret-store';
import { makeTempDir, mediatorAccount, removeDir, startServer, type PlatformServer } from './platform';

/** A value of each variable kind, for filling what a template leaves to the mediator. */
const SAMPLE: Record<string, unknown> = { amount_clp: 150_000, business_days: 5, text: 'según lo conversado', date: '2026-12-01', boolean: true, rut: '11.111.111-1' };

export interface AgreementHarness {
  readonly dir: string;
  readonly server: PlatformServer;
  readonly core: Awaited<ReturnType<typeof openCore>>;
  /** Accepted mediation cases of the signed-in mediator, in progress (ready for an agreement). */
  readonly cases: readonly string[];
  /** The core's clock; `setClock(null)` goes back to the real time. */
  setClock(at: Date | null): void;
  call<T>(name: string, input: unknown): Promise<T>;
  refusal(name: string, input: unknown): Promise<AppErrorShape>;
  agreement(caseId: string): Promise<AgreementState>;
  sync(): Promise<SyncStatus>;
  /** Fills every unfilled variable of the latest version with a value of its kind and saves. */
  saveFilled(caseId: string): Promise<AgreementState>;
  close(): Promise<void>;
}

/**
 * The real reference platform on 127.0.0.1 and a core on a real SQLite file in a temp dir,
 * signed in as the first mediator and synced once: what the agreement flow tests share.
 */
export async function openAgreementHarness(needCases = 2): Promise<AgreementHarness> {
  const dir = await makeTempDir();
  const server = await startServer(dir, { cases: 300, messagesPerCase: 1 });
  let clock: Date | null = null;
  const core = await openCore({
    databasePath: join(dir, 'mesa.sqlite'),
    host: 'web',
    appVersion: 'test',
    now: () => clock ?? new Date(),
    platform: { url: server.url, secretStore: createMemorySecretStore(), pollIntervalMs: 60_000, backoff: { baseMs: 50, maxMs: 400 }, requestTimeoutMs: 5_000 },
  });
  async function call<T>(name: string, input: unknown): Promise<T> {
    const result = await dispatch(core.handlers, name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  }
  async function refusal(name: string, input: unknown): Promise<AppErrorShape> {
    const result = await dispatch(core.handlers, name, input);
    if (result.ok) throw new Error(`${name} succeeded; expected a refusal`);
    return result.error;
  }
  const agreement = (caseId: string) => call<AgreementState>('getAgreement', { caseId });
  const sync = () => call<SyncStatus>('syncNow', {});

  const account = mediatorAccount(server, 0);
  await call('signIn', { email: account.email, password: account.password });
  await sync();
  const cases: string[] = [];
  const page = await call<CaseListPage>('listCases', { stages: ['mediation'], limit: 500 });
  for (const row of page.rows) {
    const detail = await call<CaseDetailView>('getCase', { caseId: row.id });
    if (detail.assignment.status === 'accepted' && detail.subState === 'in_progress') cases.push(row.id);
  }
  if (cases.length < needCases) throw new Error(`need ${needCases} accepted in-progress mediation cases, found ${cases.length}`);

  return {
    dir,
    server,
    core,
    cases,
    setClock: (at) => {
      clock = at;
    },
    call,
    refusal,
    agreement,
    sync,
    async saveFilled(caseId) {
      const { variables } = await call<AgreementCatalogue>('listAgreementTemplates', {});
      const latest = (await agreement(caseId)).latest;
      if (!latest) throw new Error('no version');
      const filled = { ...latest.variables };
      for (const name of latest.unfilledVariables) filled[name] = SAMPLE[variables.find((v) => v.name === name)?.kind ?? 'text'] as never;
      return call<AgreementState>('saveAgreementVersion', { caseId, basedOn: latest.number, content: latest.content, variables: filled });
    },
    async close() {
      await core.close();
      await server.close();
      await removeDir(dir);
    },
  };
}
