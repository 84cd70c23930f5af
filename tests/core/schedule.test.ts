import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { openCore, type MesaCore } from '../../electron/core/core';
import { openStore } from '../../electron/core/db/store';
import { EventBus } from '../../electron/core/events/event-bus';
import { ReminderScheduler } from '../../electron/core/schedule/reminder-scheduler';
import type { EventPayload } from '../../shared/contract/events';
import type { AppErrorShape } from '../../shared/contract/errors';
import type { CaseListPage } from '../../shared/contract/cases';
import type { Agenda, CalendarImportResult, ScheduleCheck, SessionView } from '../../shared/contract/schedule';
import { makeTempDir, removeDir } from './support/fixtures';

/** Before Chile's September 2026 switch: 2026-09-06 00:00-00:59 does not exist in America/Santiago. */
const NOW = new Date('2026-09-01T15:00:00.000Z');
const VIDEO = { type: 'video', url: 'https://video.cam-santiago.example/sala/1' } as const;

let dir: string;
let core: MesaCore;
let path: string;

async function call<T>(name: string, input: unknown = {}): Promise<T> {
  const result = await dispatch(core.handlers, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function refusal(name: string, input: unknown): Promise<AppErrorShape> {
  const result = await dispatch(core.handlers, name, input);
  if (result.ok) throw new Error(`${name} should have been refused`);
  return result.error;
}

async function mediationCaseId(): Promise<string> {
  const page = await call<CaseListPage>('listCases', { stages: ['mediation'], limit: 1 });
  const id = page.rows[0]?.id;
  if (!id) throw new Error('no mediation case in the demo store');
  return id;
}


async function countRows(table: 'sessions' | 'outbox' | 'busy_blocks'): Promise<number> {
  const store = await openStore(path);
  try {
    return Number((store.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number) ?? 0);
  } finally {
    store.close();
  }
}

beforeEach(async () => {
  dir = await makeTempDir();
  path = join(dir, 'mesa.sqlite');
  core = await openCore({ databasePath: path, host: 'web', appVersion: 'test', demoCases: 300, now: () => NOW });
});
afterEach(async () => {
  await core.close();
  await removeDir(dir);
});

describe('scheduling without a platform', () => {
  it('schedules a session (local only: no outbox row) and lists it in the agenda with its folio', async () => {
    const caseId = await mediationCaseId();
    const view = await call<SessionView>('scheduleSession', { caseId, kind: 'joint', mode: VIDEO, start: { localDateTime: '2026-09-03T10:00', zone: 'America/Santiago' }, durationMinutes: 60 });
    expect(view).toMatchObject({ caseId, status: 'proposed', startsAt: '2026-09-03T14:00:00.000Z', endsAt: '2026-09-03T15:00:00.000Z', sequence: 0, pendingSync: false });
    expect(view.folio).toMatch(/^RL-/);
    expect(view.participants.map((p) => p.role)).toEqual(['mediator', 'consumer', 'company']);
    const agenda = await call<Agenda>('listAgenda', { from: '2026-09-01T00:00:00.000Z', to: '2026-09-08T00:00:00.000Z' });
    expect(agenda.sessions.map((s) => s.id)).toContain(view.id);
    expect(await countRows('outbox')).toBe(0);
  });

  it('refuses the missing hour of the September DST switch with a reason, storing nothing', async () => {
    const caseId = await mediationCaseId();
    const input = { caseId, kind: 'joint', mode: VIDEO, start: { localDateTime: '2026-09-06T00:30', zone: 'America/Santiago' }, durationMinutes: 60 };
    const error = await refusal('scheduleSession', input);
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toEqual([expect.objectContaining({ path: 'start.localDateTime', reason: 'nonexistent_time' })]);
    const check = await call<ScheduleCheck>('checkSchedule', { caseId, start: input.start, durationMinutes: 60 });
    expect(check).toMatchObject({ startsAt: null, refusal: { reason: 'nonexistent_time', path: 'start.localDateTime' } });
    expect(await countRows('sessions')).toBe(0);
  });

  it('refuses an end before the start and an unknown zone by reason (contract level)', async () => {
    const caseId = await mediationCaseId();
    const base = { caseId, kind: 'joint', mode: VIDEO, start: { localDateTime: '2026-09-03T10:00', zone: 'America/Santiago' } };
    const early = await refusal('scheduleSession', { ...base, durationMinutes: -30 });
    expect(early.issues).toEqual([expect.objectContaining({ path: 'durationMinutes', reason: 'end_before_start' })]);
    const zone = await refusal('scheduleSession', { ...base, start: { ...base.start, zone: 'Mars/Olympus' }, durationMinutes: 60 });
    expect(zone.issues).toEqual([expect.objectContaining({ path: 'start.zone', reason: 'invalid_zone' })]);
    const check = await call<ScheduleCheck>('checkSchedule', { caseId, start: base.start, durationMinutes: 0 });
    expect(check.refusal?.reason).toBe('end_before_start');
    expect(await countRows('sessions')).toBe(0);
  });

  it('warns about an overlap with another session, naming it', async () => {
    const caseId = await mediationCaseId();
    const first = await call<SessionView>('scheduleSession', { caseId, kind: 'joint', mode: VIDEO, start: { localDateTime: '2026-09-03T10:00', zone: 'America/Santiago' }, durationMinutes: 60 });
    const check = await call<ScheduleCheck>('checkSchedule', { caseId, start: { localDateTime: '2026-09-03T10:30', zone: 'America/Santiago' }, durationMinutes: 30 });
    expect(check.warnings).toContainEqual(expect.objectContaining({ kind: 'overlap', with: expect.objectContaining({ type: 'session', sessionId: first.id, folio: first.folio }) }));
    // Rescheduling the session itself is not an overlap with its old time.
    const itself = await call<ScheduleCheck>('checkSchedule', { caseId, sessionId: first.id, start: { localDateTime: '2026-09-03T10:30', zone: 'America/Santiago' }, durationMinutes: 30 });
    expect(itself.warnings.filter((w) => w.kind === 'overlap')).toEqual([]);
  });

  it('refuses a hostile .ics with nothing stored and the earlier import intact', async () => {
    const good = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//t//ES', 'BEGIN:VEVENT', 'UID:a@b', 'DTSTAMP:20260801T000000Z', 'DTSTART:20260903T120000Z', 'DTEND:20260903T130000Z', 'SUMMARY:Dentista', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    expect(await call('importBusyCalendar', { fileName: 'personal.ics', content: good })).toMatchObject({ imported: 1 });
    const nested = `BEGIN:VCALENDAR\r\n${'BEGIN:VEVENT\r\n'.repeat(200)}${'END:VEVENT\r\n'.repeat(200)}END:VCALENDAR\r\n`;
    const binary = `BEGIN:VCALENDAR\r\n\u0000\u0000\u0000END:VCALENDAR\r\n`;
    for (const [content, reason] of [[nested, 'too_complex'], [binary, 'bad_encoding'], ['<html>hola</html>', 'malformed']] as const) {
      const error = await refusal('importBusyCalendar', { fileName: 'personal.ics', content });
      expect(error.issues?.[0], reason).toMatchObject({ path: 'content', reason });
    }
    const tooBig = await refusal('importBusyCalendar', { fileName: 'x.ics', content: 'x'.repeat(2 * 1024 * 1024 + 1) });
    expect(tooBig.code).toBe('invalid_input');
    const agenda = await call<Agenda>('listAgenda', { from: '2026-09-01T00:00:00.000Z', to: '2026-09-08T00:00:00.000Z' });
    expect(agenda.busy).toEqual([expect.objectContaining({ fileName: 'personal.ics', summary: 'Dentista', startsAt: '2026-09-03T12:00:00.000Z' })]);
  });

  it('imports events with an unknown TZID as UTC and reports them as unknown_timezone, not skipped', async () => {
    const event = (uid: string, start: string, tzid: string) =>
      ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20260801T000000Z', `DTSTART;TZID="${tzid}":${start}`, `DTEND;TZID="${tzid}":${start.slice(0, 9)}${String(Number(start.slice(9, 11)) + 1).padStart(2, '0')}0000`, 'SUMMARY:Reunión', 'END:VEVENT'];
    const content = [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//t//ES',
      ...event('u1@b', '20260903T120000', 'Customized Time Zone'),
      ...event('u2@b', '20260904T120000', 'Customized Time Zone'),
      ...event('u3@b', '20260905T120000', 'America/Santiago'),
      'END:VCALENDAR', '',
    ].join('\r\n');
    const result = await call<CalendarImportResult>('importBusyCalendar', { fileName: 'outlook.ics', content });
    expect(result).toEqual({ imported: 3, skipped: 0, warnings: [{ code: 'unknown_timezone', count: 2 }] });
    const agenda = await call<Agenda>('listAgenda', { from: '2026-09-01T00:00:00.000Z', to: '2026-09-08T00:00:00.000Z' });
    expect(agenda.busy.map((b) => b.startsAt)).toEqual(['2026-09-03T12:00:00.000Z', '2026-09-04T12:00:00.000Z', '2026-09-05T16:00:00.000Z']);
  });

  it('keeps minutes local: saved and read back, never in the outbox or an invitation', async () => {
    const caseId = await mediationCaseId();
    const view = await call<SessionView>('scheduleSession', { caseId, kind: 'caucus_consumer', mode: VIDEO, start: { localDateTime: '2026-09-03T10:00', zone: 'America/Santiago' }, durationMinutes: 45 });
    await call('saveSessionMinutes', { sessionId: view.id, minutes: 'ACTA-PRIVADA-7731: la parte aceptaría 50 %' });
    expect(await call('getSessionMinutes', { sessionId: view.id })).toMatchObject({ minutes: 'ACTA-PRIVADA-7731: la parte aceptaría 50 %' });
    const ics = await call<{ content: string }>('exportSessionIcs', { sessionId: view.id });
    expect(ics.content).not.toContain('ACTA-PRIVADA-7731');
  });
});

describe('ReminderScheduler', () => {
  it('fires before a session starting soon (injected clock and timer), once, and not again after a restart', async () => {
    const caseId = await mediationCaseId();
    const view = await call<SessionView>('scheduleSession', { caseId, kind: 'joint', mode: VIDEO, start: { localDateTime: '2026-09-01T12:30', zone: 'America/Santiago' }, durationMinutes: 60 });
    expect(view.startsAt).toBe('2026-09-01T16:30:00.000Z');
    await core.close();

    let clock = new Date('2026-09-01T15:00:00.000Z');
    const armed: Array<{ fire: () => void; delay: number }> = [];
    const timers = { set: (fire: () => void, delay: number) => armed.push({ fire, delay }), clear: () => undefined };
    const notes: string[] = [];
    const store = await openStore(path);
    const run = async () => {
      const events = new EventBus();
      const fired: Array<EventPayload<'reminderDue'>> = [];
      events.subscribe((name, payload) => {
        if (name === 'reminderDue') fired.push(payload as EventPayload<'reminderDue'>);
      });
      const scheduler = new ReminderScheduler({ store, events, notifier: { notify: (title, body) => notes.push(`${title} | ${body}`) }, now: () => clock, timers });
      return { scheduler, fired };
    };
    try {
      const first = await run();
      await first.scheduler.start();
      expect(first.fired).toEqual([]); // 90 minutes before: the 60-minute reminder is 30 minutes away
      expect(armed.at(-1)?.delay).toBe(30 * 60_000);
      clock = new Date('2026-09-01T15:30:00.000Z');
      armed.at(-1)?.fire();
      await first.scheduler.refresh();
      expect(first.fired).toEqual([expect.objectContaining({ kind: 'session', id: view.id, caseId, folio: view.folio, at: view.startsAt, leadMinutes: 60, subject: 'joint' })]);
      expect(notes).toEqual([`Sesión conjunta en 1 hora — caso ${view.folio} | Abra Mesa para ver el detalle.`]);
      await first.scheduler.stop();

      // A restart ten minutes later: nothing is repeated.
      clock = new Date('2026-09-01T15:40:00.000Z');
      const second = await run();
      await second.scheduler.start();
      expect(second.fired).toEqual([]);
      await second.scheduler.stop();
      // No party name reached the notification.
      expect(notes.join('\n')).not.toMatch(new RegExp(view.consumerName));
    } finally {
      store.close();
    }
  });
});
