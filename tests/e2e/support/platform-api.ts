import type { CaseBundle } from '../../../shared/domain/case';
import type { Transition } from '../../../shared/domain/transition';
import type { FeedPage } from '../../../shared/platform/feed';
import type { PlatformMessage } from '../../../shared/platform/messages';
import type { RunningPlatform } from './platform';

/**
 * Another actor on the real reference platform, over its public HTTP API (/v1): the center's
 * administrator moving a case, or a test reading what a mediator's feed holds. Nothing here
 * touches the app under test; it only talks to the platform as any other client would.
 */
export interface PlatformCase {
  readonly bundle: CaseBundle;
  readonly assignment: 'pending' | 'accepted' | null;
}

const DEMO_PASSWORD = 'mesa-demo';

async function call<T>(platform: RunningPlatform, method: 'GET' | 'POST', path: string, token: string | null, body?: unknown): Promise<T> {
  const response = await fetch(`${platform.url}${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** A token of its own for `email` (the demo password); other sessions are not affected. */
export async function platformToken(platform: RunningPlatform, email: string): Promise<string> {
  const { token } = await call<{ token: string }>(platform, 'POST', '/v1/auth/sign-in', null, { email, password: DEMO_PASSWORD });
  return token;
}

/** The latest version of every case in `email`'s feed, read from the start. */
export async function casesOf(platform: RunningPlatform, email: string): Promise<PlatformCase[]> {
  const token = await platformToken(platform, email);
  const cases = new Map<string, PlatformCase>();
  let cursor: string | undefined;
  for (;;) {
    const page = await call<FeedPage>(platform, 'GET', `/v1/feed?limit=1000${cursor ? `&cursor=${cursor}` : ''}`, token);
    for (const change of page.changes) {
      if (change.type === 'case.upsert') cases.set(change.bundle.case.id, { bundle: change.bundle, assignment: change.assignment });
      if (change.type === 'case.stage_changed') cases.set(change.bundle.case.id, { bundle: change.bundle, assignment: cases.get(change.bundle.case.id)?.assignment ?? null });
    }
    cursor = page.cursor;
    if (!page.hasMore) return [...cases.values()];
  }
}

/** The administrator of the center, acting on the platform (not through the app). */
export async function administrator(platform: RunningPlatform) {
  const account = platform.accounts.find((a) => a.role === 'administrator');
  if (!account) throw new Error('the demo platform has no administrator');
  const token = await platformToken(platform, account.email);
  let clientIds = 0;
  // A UUID v7 shape (the platform checks the version nibble); unique within this test run.
  const clientId = (): string => {
    clientIds += 1;
    const hex = (Date.now().toString(16).padStart(12, '0') + clientIds.toString(16).padStart(20, '0')).slice(-32);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  return {
    /** Proposes a transition against the platform's current version; answers the new bundle. */
    async move(caseId: string, transition: Transition): Promise<CaseBundle> {
      // The administrator sees every case with its current version (GET /v1/cases).
      const { cases } = await call<{ cases: { caseId: string; version: number }[] }>(platform, 'GET', '/v1/cases', token);
      const current = cases.find((c) => c.caseId === caseId);
      if (!current) throw new Error(`no case ${caseId} on the platform`);
      const answer = await call<{ bundle: CaseBundle }>(platform, 'POST', `/v1/cases/${caseId}/stage-proposals`, token, {
        clientId: clientId(),
        transition,
        expectedVersion: current.version,
      });
      return answer.bundle;
    },
  };
}

/** What a party reads of a case on the platform (control API): the truth about what was delivered. */
export async function partyView(platform: RunningPlatform, role: 'consumer' | 'company', caseId: string): Promise<PlatformMessage[]> {
  const { messages } = (await platform.control('GET', `/parties/${role}/cases/${caseId}/messages`)) as { messages: PlatformMessage[] };
  return messages;
}

/** How many copies of `body` a party can read on the platform. */
export async function copiesOn(platform: RunningPlatform, role: 'consumer' | 'company', caseId: string, body: string): Promise<number> {
  return (await partyView(platform, role, caseId)).filter((m) => m.body === body).length;
}
