import type { SyncStatus } from '../contract/sync';
import { formatDateTime } from '../format/dates';
import type { Translator } from './translator';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** "hace un momento" / "hace 2 min" / "hace 3 h" / "el 18-09-2026 14:05" (past a day, the date). */
export function agoText(i18n: Translator, instant: string, nowIso: string): string {
  const elapsed = Math.max(0, Date.parse(nowIso) - Date.parse(instant));
  if (elapsed < MINUTE) return i18n.t('sync.ago.now');
  if (elapsed < HOUR) return i18n.t('sync.ago.minutes', { count: Math.floor(elapsed / MINUTE) });
  if (elapsed < 24 * HOUR) return i18n.t('sync.ago.hours', { count: Math.floor(elapsed / HOUR) });
  return i18n.t('sync.ago.date', { date: formatDateTime(instant, i18n.locale) });
}

/** The tone of the indicator's dot: calm when synced, busy while syncing, amber offline or retrying, red when someone must act. */
export type SyncTone = 'ok' | 'busy' | 'offline' | 'warn' | 'error' | 'neutral';

/** Failures the engine retries by itself: amber, not red — nobody needs to act. */
const TRANSIENT: ReadonlySet<string> = new Set(['offline', 'timeout', 'rate_limited', 'server_error']);

export const isTransientSyncError = (code: string): boolean => TRANSIENT.has(code);

export interface SyncSummary {
  readonly tone: SyncTone;
  /** The one line the header shows. */
  readonly text: string;
}

/** What the compact header indicator says for a status. */
export function syncSummary(i18n: Translator, status: SyncStatus, nowIso: string): SyncSummary {
  switch (status.state) {
    case 'signed_out':
      return { tone: 'neutral', text: status.serverUrl === null ? i18n.t('sync.noPlatform') : i18n.t('syncState.signed_out') };
    case 'syncing':
      return {
        tone: 'busy',
        text: status.progress ? i18n.t('sync.progress', { cases: status.progress.cases, messages: status.progress.messages }) : i18n.t('syncState.syncing'),
      };
    case 'offline':
      return { tone: 'offline', text: i18n.t('syncState.offline') };
    case 'error':
      return status.error
        ? { tone: isTransientSyncError(status.error.code) ? 'warn' : 'error', text: i18n.t(`syncErrorShort.${status.error.code}`) }
        : { tone: 'error', text: i18n.t('syncState.error') };
    case 'idle':
      return { tone: 'ok', text: status.lastSyncedAt ? i18n.t('sync.syncedAgo', { ago: agoText(i18n, status.lastSyncedAt, nowIso) }) : i18n.t('sync.never') };
  }
}
