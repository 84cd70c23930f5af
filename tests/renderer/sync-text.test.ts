import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/contract/sync';
import { agoText, createTranslator, syncSummary } from '../../shared/i18n';

const es = createTranslator('es-CL');
const en = createTranslator('en');
const now = '2026-11-20T12:00:00.000Z';

const status = (over: Partial<SyncStatus>): SyncStatus => ({
  state: 'idle',
  serverUrl: 'http://127.0.0.1:4000',
  accountEmail: 'mediadora@example.cl',
  lastSyncedAt: '2026-11-20T11:58:00.000Z',
  progress: null,
  error: null,
  pendingWrites: 0,
  openConflicts: 0,
  ...over,
});

describe('syncSummary', () => {
  it('says when the last sync was', () => {
    expect(syncSummary(es, status({}), now)).toEqual({ tone: 'ok', text: 'Sincronizado hace 2 min' });
    expect(syncSummary(en, status({}), now).text).toBe('Synced 2 min ago');
    expect(syncSummary(es, status({ lastSyncedAt: null }), now).text).toBe('Aún no se ha sincronizado');
  });

  it('shows progress with Chilean digit grouping', () => {
    const syncing = status({ state: 'syncing', progress: { changes: 30_000, cases: 1234, messages: 20_345, hasMore: true } });
    expect(syncSummary(es, syncing, now)).toEqual({ tone: 'busy', text: 'Sincronizando… 1.234 casos, 20.345 mensajes' });
    expect(syncSummary(es, status({ state: 'syncing' }), now).text).toBe('Sincronizando…');
  });

  it('names offline, errors and signed-out plainly', () => {
    expect(syncSummary(es, status({ state: 'offline' }), now)).toEqual({ tone: 'offline', text: 'Sin conexión' });
    const expired = status({ state: 'error', error: { code: 'unauthorized', message: 'x', retryAt: null } });
    expect(syncSummary(es, expired, now)).toEqual({ tone: 'error', text: 'Sesión expirada' });
    const busy = status({ state: 'error', error: { code: 'rate_limited', message: '429', retryAt: null } });
    expect(syncSummary(es, busy, now)).toEqual({ tone: 'warn', text: 'Plataforma ocupada' });
    expect(syncSummary(es, status({ state: 'signed_out' }), now).tone).toBe('neutral');
  });
});

describe('agoText', () => {
  it('goes from moments to minutes, hours and then the Santiago date', () => {
    expect(agoText(es, '2026-11-20T11:59:30.000Z', now)).toBe('hace un momento');
    expect(agoText(es, '2026-11-20T09:00:00.000Z', now)).toBe('hace 3 h');
    expect(agoText(es, '2026-11-18T15:05:00.000Z', now)).toBe('el 18-11-2026 12:05');
    expect(agoText(en, '2026-11-20T11:15:00.000Z', now)).toBe('45 min ago');
  });
});

describe('syncSummary without a platform', () => {
  it('says no platform is configured rather than asking to sign in', () => {
    expect(syncSummary(es, status({ state: 'signed_out', serverUrl: null, accountEmail: null }), now).text).toBe('Sin plataforma configurada');
  });
});
