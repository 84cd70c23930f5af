import { useCallback, useEffect, useState } from 'react';
import type { DocumentView } from '../../../../../shared/contract/documents';
import type { AppErrorShape } from '../../../../../shared/contract/errors';
import { useMesa } from '../../../api/mesa-context';

export interface DocumentsState {
  readonly documents: readonly DocumentView[];
  readonly error: AppErrorShape | null;
  readonly loading: boolean;
  reload(): void;
}

/** The case's documents, reloaded whenever the core says they changed (sync, import, download…). */
export function useDocuments(caseId: string): DocumentsState {
  const api = useMesa();
  const [documents, setDocuments] = useState<readonly DocumentView[]>([]);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [loading, setLoading] = useState(true);
  const [revision, setRevision] = useState(0);
  const reload = useCallback(() => setRevision((n) => n + 1), []);

  useEffect(
    () =>
      api.on('documentsChanged', (event) => {
        if (event.caseId === caseId) reload();
      }),
    [api, caseId, reload],
  );

  useEffect(() => {
    let current = true;
    void api.listDocuments({ caseId }).then((result) => {
      if (!current) return;
      setLoading(false);
      if (result.ok) setDocuments(result.value);
      setError(result.ok ? null : result.error);
    });
    return () => {
      current = false;
    };
  }, [api, caseId, revision]);

  return { documents, error, loading, reload };
}
