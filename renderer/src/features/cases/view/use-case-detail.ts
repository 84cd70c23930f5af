import { useCallback, useEffect, useState } from 'react';
import type { AuditEntry } from '../../../../../shared/domain/people';
import type { CaseDetailView } from '../../../../../shared/contract/cases';
import type { AppErrorShape } from '../../../../../shared/contract/errors';
import { useMesa } from '../../../api/mesa-context';

export interface CaseDetailState {
  readonly detail: CaseDetailView | null;
  readonly timeline: readonly AuditEntry[];
  readonly error: AppErrorShape | null;
  readonly loading: boolean;
  readonly reload: () => void;
  /** Shows the case a transition returned without waiting for the reload. */
  readonly replace: (detail: CaseDetailView) => void;
}

/** Loads a case and its timeline, and reloads both whenever the core says the case changed. */
export function useCaseDetail(caseId: string): CaseDetailState {
  const api = useMesa();
  const [detail, setDetail] = useState<CaseDetailView | null>(null);
  const [timeline, setTimeline] = useState<readonly AuditEntry[]>([]);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [loading, setLoading] = useState(true);
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    let current = true;
    void Promise.all([api.getCase({ caseId }), api.getCaseTimeline({ caseId })]).then(([caseResult, timelineResult]) => {
      if (!current) return;
      setLoading(false);
      if (!caseResult.ok) {
        setError(caseResult.error);
        return;
      }
      setDetail(caseResult.value);
      setError(timelineResult.ok ? null : timelineResult.error);
      if (timelineResult.ok) setTimeline([...timelineResult.value].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id)));
    });
    return () => {
      current = false;
    };
  }, [api, caseId, revision]);

  useEffect(
    () =>
      api.on('caseChanged', (payload) => {
        if (payload.caseId === caseId) setRevision((n) => n + 1);
      }),
    [api, caseId],
  );

  const reload = useCallback(() => {
    setLoading(true);
    setRevision((n) => n + 1);
  }, []);
  const replace = useCallback((next: CaseDetailView) => setDetail(next), []);

  return { detail: detail?.id === caseId ? detail : null, timeline, error, loading, reload, replace };
}
