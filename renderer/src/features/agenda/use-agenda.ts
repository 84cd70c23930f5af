import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/contract/errors';
import type { Agenda } from '../../../../shared/contract/schedule';
import { useMesa } from '../../api/mesa-context';

export interface AgendaState {
  readonly agenda: Agenda | null;
  readonly error: AppErrorShape | null;
  readonly loading: boolean;
  readonly reload: () => void;
}

const REFRESH_DEBOUNCE_MS = 150;

/** The agenda of a range [from, to), reloaded when any case's sessions change (sync, a confirmation, an edit). */
export function useAgenda(from: string, to: string): AgendaState {
  const api = useMesa();
  const [agenda, setAgenda] = useState<{ key: string; value: Agenda } | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [revision, setRevision] = useState(0);
  const key = `${from}/${to}`;

  useEffect(() => {
    let current = true;
    void api.listAgenda({ from, to }).then((result) => {
      if (!current) return;
      if (result.ok) setAgenda({ key: `${from}/${to}`, value: result.value });
      setError(result.ok ? null : result.error);
    });
    return () => {
      current = false;
    };
  }, [api, from, to, revision]);

  useEffect(() => {
    let timer = 0;
    const bump = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setRevision((n) => n + 1), REFRESH_DEBOUNCE_MS);
    };
    const offSessions = api.on('sessionsChanged', bump);
    // Deadlines move with the case (a stage change closes one, sync brings another).
    const offCases = api.on('caseChanged', bump);
    return () => {
      window.clearTimeout(timer);
      offSessions();
      offCases();
    };
  }, [api]);

  const reload = useCallback(() => setRevision((n) => n + 1), []);
  // The previous range stays on screen while the next loads (no flash on prev/next).
  return { agenda: agenda?.value ?? null, error, loading: agenda?.key !== key && error === null, reload };
}
