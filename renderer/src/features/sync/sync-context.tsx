import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AppErrorShape } from '../../../../shared/contract/errors';
import type { Result } from '../../../../shared/contract/result';
import type { SyncStatus } from '../../../../shared/contract/sync';
import { useMesa } from '../../api/mesa-context';

export interface SyncValue {
  /** The engine's last reported status; null until the first answer or when it cannot be read. */
  readonly status: SyncStatus | null;
  /** Why the status could not be read (e.g. a build without the sync engine). */
  readonly error: AppErrorShape | null;
  signIn(email: string, password: string): Promise<Result<SyncStatus>>;
  signOut(): Promise<Result<SyncStatus>>;
  syncNow(): Promise<Result<SyncStatus>>;
}

const SyncContext = createContext<SyncValue | null>(null);

/** One subscription to the sync status for the whole shell (header indicator, banner, dialogs). */
export function SyncProvider({ children }: Readonly<{ children: ReactNode }>) {
  const api = useMesa();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  /** Counts pushed statuses, so an action's answer never overwrites a newer pushed one. */
  const pushed = useRef(0);

  useEffect(() => {
    let current = true;
    // Subscribe first so a change between the read and the subscription is not lost.
    const off = api.on('syncStatusChanged', (next) => {
      pushed.current += 1;
      setStatus(next);
      setError(null);
    });
    void api.getSyncStatus({}).then((result) => {
      if (!current) return;
      if (result.ok) setStatus((prev) => prev ?? result.value);
      setError(result.ok ? null : result.error);
    });
    return () => {
      current = false;
      off();
    };
  }, [api]);

  /**
   * Every action answers the new status: show it at once instead of waiting for the event —
   * unless the engine pushed a status meanwhile (e.g. "syncing" right after sign-in), which is
   * newer than the answer.
   */
  const act = useCallback(async (call: () => Promise<Result<SyncStatus>>) => {
    const seen = pushed.current;
    const result = await call();
    if (result.ok) {
      if (pushed.current === seen) setStatus(result.value);
      setError(null);
    }
    return result;
  }, []);

  const value = useMemo<SyncValue>(
    () => ({
      status,
      error,
      signIn: (email, password) => act(() => api.signIn({ email, password })),
      signOut: () => act(() => api.signOut({})),
      syncNow: () => act(() => api.syncNow({})),
    }),
    [api, act, status, error],
  );
  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>;
}

export function useSync(): SyncValue {
  const value = useContext(SyncContext);
  if (!value) throw new Error('useSync() outside <SyncProvider>');
  return value;
}
