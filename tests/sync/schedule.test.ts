import ICAL from 'ical.js';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumerZoneOf } from '../../electron/platform-server/sessions';
import type { CaseDetailView, CaseListPage } from '../../shared/contract/cases';
import type { IcsFile, SessionView } from '../../shared/contract/schedule';
import type { SyncStatus } from '../../shared/contract/sync';
import { control, makeTempDir, mediatorAccount, openSyncedCore, platformQuery, removeDir, setFaults, signInAndSync, startServer, type PlatformServer, type SyncedCore } from './support/platform';

/**
 * Sessions end to end against the real reference platform: scheduled offline, pushed through
 * the outbox, confirmed by the parties on the platform and back through the feed; rescheduled
 * (SEQUENCE + 1), refused on a stale version (conflict recorded on the session), cancelled
 * (.ics METHOD:CANCEL, same UID, higher SEQUENCE); the minutes never leave the machine.
 */
const VIDEO = { type: 'video', url: 'https://video.cam-santiago.example/sala/42' } as const;
const MINUTES_MARKER = 'ACTA-PRIVADA-91827';

let dir: string;
let server: PlatformServer;
let app: SyncedCore;
let caseId: string;

const sessions = () => app.call<SessionView[]>('listCaseSessions', { caseId });
const sessionOf = async (id: string): Promise<SessionView> => {
  const found = (await sessions()).find((s) => s.id === id);
  if (!found) throw new Error(`no session ${id}`);
  return found;
};
const platformSession = (id: string) => {
  const [row] = platformQuery<{ record: string }>(dir, 'SELECT record FROM sessions WHERE id = ?', id);
  return row ? (JSON.parse(row.record) as { status: string; sequence: number; version: number; startsAt: string }) : null;
};

function parseEvent(ics: string) {
  const component = new ICAL.Component(ICAL.parse(ics));
  const vevent = component.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { method: component.getFirstPropertyValue('method'), uid: vevent.getFirstPropertyValue('uid'), sequence: Number(vevent.getFirstPropertyValue('sequence')), status: vevent.getFirstPropertyValue('status') };
}

beforeAll(async () => {
  dir = await makeTempDir();
  server = await startServer(dir, { cases: 120, messagesPerCase: 2 });
  app = await openSyncedCore(join(dir, 'mesa.sqlite'), server);
  await signInAndSync(app, mediatorAccount(server, 0));
  const page = await app.call<CaseListPage>('listCases', { stages: ['mediation'], limit: 200 });
  for (const row of page.rows) {
    const detail = await app.call<CaseDetailView>('getCase', { caseId: row.id });
    if (detail.assignment.status === 'accepted') {
      caseId = row.id;
      break;
    }
  }
  if (!caseId) throw new Error('no accepted mediation case for the first mediator');
}, 60_000);

afterAll(async () => {
  await app?.core.close();
  await server?.close();
  await removeDir(dir);
});

describe('sessions through the outbox and the feed', () => {
  let sessionId: string;

  it('schedules offline; the outbox delivers it; the parties confirm on the platform; the confirmation arrives through the feed', async () => {
    await setFaults(server, { dropConnections: { count: 1000, routes: ['scheduleSession'] } });
    const view = await app.call<SessionView>('scheduleSession', { caseId, kind: 'joint', mode: VIDEO, start: { localDateTime: '2027-03-10T10:00', zone: 'America/Santiago' }, durationMinutes: 60 });
    sessionId = view.id;
    expect(view).toMatchObject({ status: 'proposed', pendingSync: true, startsAt: '2027-03-10T13:00:00.000Z' });
    const offline = await app.call<SyncStatus>('syncNow');
    expect(offline.pendingWrites).toBe(1);
    expect(platformSession(sessionId)).toBeNull();

    await control(server, 'DELETE', '/__control/faults');
    const online = await app.call<SyncStatus>('syncNow');
    expect(online.pendingWrites).toBe(0);
    expect(platformSession(sessionId)).toMatchObject({ status: 'proposed', version: 1, sequence: 0 });
    const synced = await sessionOf(sessionId);
    expect(synced.pendingSync).toBe(false);
    // The platform's participants (authoritative): the consumer's zone is the platform's.
    expect(synced.participants.find((p) => p.role === 'consumer')?.zone).toBe(consumerZoneOf(caseId));

    await control(server, 'POST', `/__control/sessions/${sessionId}/confirm`, { role: 'consumer' });
    await control(server, 'POST', `/__control/sessions/${sessionId}/confirm`, { role: 'company' });
    await app.call('syncNow');
    const confirmed = await sessionOf(sessionId);
    expect(confirmed).toMatchObject({ status: 'confirmed', version: 3, sequence: 0 });
    expect(confirmed.participants.filter((p) => p.role !== 'mediator').map((p) => p.confirmation)).toEqual(['confirmed', 'confirmed']);
  });

  it('reschedules: SEQUENCE + 1 on the platform, confirmations reset', async () => {
    const before = await sessionOf(sessionId);
    await app.call('rescheduleSession', { sessionId, start: { localDateTime: '2027-03-11T11:00', zone: 'America/Santiago' }, durationMinutes: 45, expectedVersion: before.version });
    await app.call('syncNow');
    const after = await sessionOf(sessionId);
    expect(after).toMatchObject({ status: 'rescheduled', sequence: 1, version: before.version + 1, startsAt: '2027-03-11T14:00:00.000Z', pendingSync: false, refusedChange: null });
    expect(platformSession(sessionId)).toMatchObject({ sequence: 1, startsAt: '2027-03-11T14:00:00.000Z' });
  });

  it('a reschedule made from a stale version is refused (409): the platform session is applied and the conflict recorded on it', async () => {
    const before = await sessionOf(sessionId);
    await setFaults(server, { dropConnections: { count: 1000, routes: ['rescheduleSession'] } });
    await app.call('rescheduleSession', { sessionId, start: { localDateTime: '2027-03-12T09:00', zone: 'America/Santiago' }, durationMinutes: 60, expectedVersion: before.version });
    await app.call('syncNow');
    // Meanwhile the consumer confirms on the platform: a new version there.
    await control(server, 'POST', `/__control/sessions/${sessionId}/confirm`, { role: 'consumer' });
    await control(server, 'DELETE', '/__control/faults');
    await app.call('syncNow');
    const after = await sessionOf(sessionId);
    expect(after.refusedChange).toMatchObject({ change: 'reschedule', code: 'conflict' });
    expect(after).toMatchObject({ startsAt: '2027-03-11T14:00:00.000Z', version: before.version + 1, pendingSync: false });
    expect(platformSession(sessionId)?.startsAt).toBe('2027-03-11T14:00:00.000Z');
  });

  it('cancels: the .ics says METHOD:CANCEL with the same UID and a higher SEQUENCE (read by ical.js)', async () => {
    const request = await app.call<IcsFile>('exportSessionIcs', { sessionId });
    const invited = parseEvent(request.content);
    expect(invited).toMatchObject({ method: 'REQUEST', uid: `${sessionId}@mesa.cam-santiago.example` });
    const current = await sessionOf(sessionId);
    await app.call('cancelSession', { sessionId, expectedVersion: current.version });
    await app.call('syncNow');
    expect(platformSession(sessionId)).toMatchObject({ status: 'cancelled', sequence: invited.sequence + 1 });
    const cancel = parseEvent((await app.call<IcsFile>('exportSessionIcs', { sessionId })).content);
    expect(cancel).toMatchObject({ method: 'CANCEL', uid: invited.uid, status: 'CANCELLED' });
    expect(cancel.sequence).toBeGreaterThan(invited.sequence);
  });

  it('never sends the minutes: not in the outbox, not on the platform, not in an export', async () => {
    await app.call('saveSessionMinutes', { sessionId, minutes: `${MINUTES_MARKER} la empresa ofrecería devolver el 50 %` });
    const view = await app.call<SessionView>('scheduleSession', { caseId, kind: 'caucus_company', mode: VIDEO, start: { localDateTime: '2027-03-15T10:00', zone: 'America/Santiago' }, durationMinutes: 30 });
    await app.call('saveSessionMinutes', { sessionId: view.id, minutes: MINUTES_MARKER });
    const localStore = (await import('better-sqlite3')).default;
    const local = new localStore(join(dir, 'mesa.sqlite'), { readonly: true });
    try {
      const payloads = local.prepare('SELECT payload FROM outbox').pluck().all() as string[];
      expect(payloads.length).toBeGreaterThan(0);
      expect(payloads.join('\n')).not.toContain(MINUTES_MARKER);
    } finally {
      local.close();
    }
    await app.call('syncNow');
    const platformText = ['sessions', 'changes', 'idempotency'].flatMap((table) => platformQuery<Record<string, unknown>>(dir, `SELECT * FROM ${table}`).map((row) => JSON.stringify(row))).join('\n');
    expect(platformText).toContain(view.id);
    expect(platformText).not.toContain(MINUTES_MARKER);
    const agenda = await app.call<IcsFile>('exportAgendaIcs', { from: '2027-03-01T00:00:00.000Z', to: '2027-04-01T00:00:00.000Z' });
    expect(agenda.content).toContain(`${view.id}@mesa.cam-santiago.example`);
    expect(agenda.content).not.toContain(MINUTES_MARKER);
  });
});
