import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../../../shared/contract/errors';
import type { SessionView } from '../../../../../shared/contract/schedule';
import { useMesa } from '../../../api/mesa-context';

export interface CaseSessionsState {
  readonly sessions: readonly SessionView[];
  readonly error: AppErrorShape | null;
  readonly loading: boolean;
  readonly reload: () => void;
  /** Shows a session an action returned at once (the sessionsChanged reload follows). */
  readonly replace: (session: SessionView) => void;
}

const byStart = (a: SessionView, b: SessionView): number => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id);

/** The sessions of one case, reloaded whenever the core says they changed (edits, confirmations, sync). */
export function useCaseSessions(caseId: string): CaseSessionsState {
  const api = useMesa();
  const [sessions, setSessions] = useState<readonly SessionView[]>([]);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [loading, setLoading] = useState(true);
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    let current = true;
    void api.listCaseSessions({ caseId }).then((result) => {
      if (!current) return;
      setLoading(false);
      if (result.ok) setSessions([...result.value].sort(byStart));
      setError(result.ok ? null : result.error);
    });
    return () => {
      current = false;
    };
  }, [api, caseId, revision]);

  useEffect(
    () =>
      api.on('sessionsChanged', (payload) => {
        if (payload.caseId === caseId) setRevision((n) => n + 1);
      }),
    [api, caseId],
  );

  const reload = useCallback(() => setRevision((n) => n + 1), []);
  const replace = useCallback((session: SessionView) => setSessions((prev) => [...prev.filter((s) => s.id !== session.id), session].sort(byStart)), []);
  return { sessions, error, loading, reload, replace };
}
