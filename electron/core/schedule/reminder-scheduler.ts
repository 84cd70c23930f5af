import { sql } from 'kysely';
import type { EventPayload } from '../../../shared/contract/events';
import type { DeadlineKind } from '../../../shared/domain/deadline';
import type { SessionKind } from '../../../shared/schedule/session';
import type { Store } from '../db/store';
import type { EventBus } from '../events/event-bus';
import { profileRepository } from '../repositories/profile-repository';
import type { Notifier } from './notifier';
import { reminderText } from './reminder-text';
import { scheduleSettingsRepository } from './schedule-settings';

type Reminder = EventPayload<'reminderDue'> & { readonly fireAt: number; readonly key: string };

export interface ReminderTimers {
  set(callback: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: ReminderTimers = {
  set: (callback, delayMs) => {
    const handle = setTimeout(callback, delayMs);
    handle.unref?.();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface ReminderSchedulerOptions {
  readonly store: Store;
  readonly events: EventBus;
  readonly notifier: Notifier;
  readonly now: () => Date;
  readonly timers?: ReminderTimers;
}

/** A reminder missed while the app was closed still fires at start if it was due within this. */
export const MISSED_GRACE_MS = 60 * 60_000;
/** Never sleep longer than this: the clock may jump (sleep, time zone change). */
const MAX_SLEEP_MS = 6 * 60 * 60_000;
const ACTIVE_SESSION = ['proposed', 'confirmed', 'rescheduled'];

/**
 * Emits `reminderDue` (and an OS notification) at the configured lead times before active
 * sessions and open deadlines, while the app runs. ONE timer, for the next due reminder,
 * recomputed whenever sessions, deadlines or settings change (refresh(), coalesced). Each
 * fired reminder is recorded in reminders_sent under kind:id:lead:instant — a restart does
 * not repeat it, and a moved session (new instant) is reminded again. At start, reminders that
 * fell due within the last hour (app closed) fire once; older ones are dropped, as are those
 * whose session already started.
 */
export class ReminderScheduler {
  readonly #options: ReminderSchedulerOptions;
  readonly #timers: ReminderTimers;
  #timer: unknown = null;
  #running: Promise<void> | null = null;
  #dirty = false;
  #stopped = false;

  constructor(options: ReminderSchedulerOptions) {
    this.#options = options;
    this.#timers = options.timers ?? realTimers;
  }

  /** Fires what is due now and arms the timer; resolves when that is done. */
  start(): Promise<void> {
    this.#stopped = false;
    return this.refresh();
  }

  /** Recomputes (coalesced: calls during a run cause one more run after it). */
  refresh(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    if (this.#running) {
      this.#dirty = true;
      return this.#running;
    }
    const run = (async () => {
      do {
        this.#dirty = false;
        await this.#tick();
      } while (this.#dirty && !this.#stopped);
    })()
      .catch((error: unknown) => {
        // The store is closing, or a read failed: try again at the next change or sleep.
        if (!this.#stopped) console.warn('[mesa] reminders:', error instanceof Error ? error.message : String(error));
      })
      .finally(() => {
        this.#running = null;
      });
    this.#running = run;
    return run;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#clear();
    await this.#running;
  }

  #clear(): void {
    if (this.#timer !== null) this.#timers.clear(this.#timer);
    this.#timer = null;
  }

  async #tick(): Promise<void> {
    const { store, events, notifier } = this.#options;
    const now = this.#options.now();
    const nowMs = now.getTime();
    const reminders = await this.#reminders(nowMs);
    const keys = reminders.map((r) => r.key);
    const sent = new Set(
      keys.length === 0 ? [] : (await store.db.selectFrom('reminders_sent').select('key').where('key', 'in', keys).execute()).map((r) => r.key),
    );
    const due = reminders.filter((r) => !sent.has(r.key) && r.fireAt <= nowMs && r.fireAt > nowMs - MISSED_GRACE_MS && Date.parse(r.at) > nowMs);
    if (due.length > 0) {
      await store.write(async (trx) => {
        await trx
          .insertInto('reminders_sent')
          .values(due.map((r) => ({ key: r.key, sent_at: now.toISOString() })))
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
        await trx.deleteFrom('reminders_sent').where('sent_at', '<', new Date(nowMs - 60 * 86_400_000).toISOString()).execute();
      });
      const { locale } = await profileRepository.get(store.db);
      for (const { fireAt: _fireAt, key: _key, ...payload } of due) {
        events.emit('reminderDue', payload);
        const text = reminderText(payload, now, locale);
        try {
          notifier.notify(text.title, text.body);
        } catch {
          /* a notification the OS refuses must not stop the others; the in-app reminder stands */
        }
      }
    }
    if (this.#stopped) return;
    const next = reminders.filter((r) => r.fireAt > nowMs && !sent.has(r.key)).reduce((min, r) => Math.min(min, r.fireAt), Number.POSITIVE_INFINITY);
    this.#clear();
    const delay = Math.min(Math.max(next - nowMs, 0), MAX_SLEEP_MS);
    this.#timer = this.#timers.set(() => {
      this.#timer = null;
      void this.refresh();
    }, delay);
  }

  /** Every reminder that fires from an hour ago to the longest lead ahead (+ a sleep). */
  async #reminders(nowMs: number): Promise<Reminder[]> {
    const { db } = this.#options.store;
    const { reminders } = await scheduleSettingsRepository.get(db);
    const from = new Date(nowMs - MISSED_GRACE_MS).toISOString();
    const maxLead = Math.max(0, ...reminders.sessionLeadMinutes, ...reminders.deadlineLeadMinutes) * 60_000;
    const to = new Date(nowMs + maxLead + MAX_SLEEP_MS).toISOString();
    const notUnassigned = sql<boolean>`NOT EXISTS (SELECT 1 FROM case_assignments a WHERE a.case_id = cases.id AND a.status = 'unassigned')`;
    const [sessions, deadlines] = await Promise.all([
      db
        .selectFrom('sessions')
        .innerJoin('cases', 'cases.id', 'sessions.case_id')
        .select(['sessions.id', 'sessions.case_id', 'sessions.kind', 'sessions.starts_at', 'cases.folio'])
        .where('sessions.status', 'in', ACTIVE_SESSION)
        .where('sessions.starts_at', '>=', from)
        .where('sessions.starts_at', '<=', to)
        .where(notUnassigned)
        .execute(),
      db
        .selectFrom('deadlines')
        .innerJoin('cases', 'cases.id', 'deadlines.case_id')
        .select(['deadlines.id', 'deadlines.case_id', 'deadlines.kind', 'deadlines.due_at', 'cases.folio'])
        .where('deadlines.status', '=', 'open')
        .where('deadlines.due_at', '>=', from)
        .where('deadlines.due_at', '<=', to)
        .where(notUnassigned)
        .execute(),
    ]);
    const out: Reminder[] = [];
    const add = (kind: 'session' | 'deadline', id: string, caseId: string, folio: string, at: string, subject: SessionKind | DeadlineKind, leads: readonly number[]): void => {
      const atIso = new Date(at).toISOString();
      for (const leadMinutes of leads) {
        out.push({ kind, id, caseId, folio, at: atIso, leadMinutes, subject, fireAt: Date.parse(atIso) - leadMinutes * 60_000, key: `${kind}:${id}:${leadMinutes}:${atIso}` });
      }
    };
    for (const s of sessions) add('session', s.id, s.case_id, s.folio, s.starts_at, s.kind as SessionKind, reminders.sessionLeadMinutes);
    for (const d of deadlines) add('deadline', d.id, d.case_id, d.folio, d.due_at, d.kind as DeadlineKind, reminders.deadlineLeadMinutes);
    return out;
  }
}
