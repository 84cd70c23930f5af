import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/contract/errors';
import type { EventName } from '../../../../shared/contract/events';
import type { Result } from '../../../../shared/contract/result';
import { useMesa } from '../../api/mesa-context';

const REFRESH_DEBOUNCE_MS = 300;

interface LiveQuery<T> {
  readonly value: T | null;
  readonly error: AppErrorShape | null;
  readonly loading: boolean;
  readonly reload: () => void;
}

/**
 * Runs `load` now, whenever it or `refreshKey` changes (a new filter, a new day), and again shortly after any of `events`
 * (a sync or an action in a case changed what the list shows). An answer to an older load is
 * dropped; the last value stays on screen while the next one loads.
 */
export function useLiveQuery<T>(load: () => Promise<Result<T>>, events: readonly EventName[], refreshKey: unknown = null): LiveQuery<T> {
  const api = useMesa();
  const [revision, setRevision] = useState(0);
  const reload = useCallback(() => setRevision((n) => n + 1), []);
  // One token per load: the answer on screen is current when it carries the latest token.
  const token = useMemo(() => ({ load, revision, refreshKey }), [load, revision, refreshKey]);
  const [state, setState] = useState<{ value: T | null; error: AppErrorShape | null; token: object | null }>({ value: null, error: null, token: null });

  useEffect(() => {
    let current = true;
    void token.load().then((result) => {
      if (!current) return;
      setState((prev) => (result.ok ? { value: result.value, error: null, token } : { value: prev.value, error: result.error, token }));
    });
    return () => {
      current = false;
    };
  }, [token]);

  const eventKey = events.join(',');
  useEffect(() => {
    let timer = 0;
    const unsubscribes = eventKey.split(',').map((name) =>
      api.on(name as EventName, () => {
        window.clearTimeout(timer);
        timer = window.setTimeout(reload, REFRESH_DEBOUNCE_MS);
      }),
    );
    return () => {
      window.clearTimeout(timer);
      for (const unsubscribe of unsubscribes) unsubscribe();
    };
  }, [api, eventKey, reload]);

  return { value: state.value, error: state.error, loading: state.token !== token, reload };
}
