import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../../../shared/contract/errors';
import type { SyncConflict } from '../../../../../shared/contract/sync';
import { useMesa } from '../../../api/mesa-context';

export type ConflictResolution = 'accept_platform' | 'propose_again';

export interface ConflictsState {
  readonly conflicts: readonly SyncConflict[];
  readonly error: AppErrorShape | null;
  resolve(conflictId: string, resolution: ConflictResolution): Promise<boolean>;
}

/**
 * The case's open sync conflicts, re-read when the case changes or the number of open conflicts
 * moves. A failure to list them (e.g. before the sync engine exists) shows nothing rather than
 * alarming the mediator about a feature that is not there.
 */
export function useConflicts(caseId: string): ConflictsState {
  const api = useMesa();
  const [conflicts, setConflicts] = useState<readonly SyncConflict[]>([]);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    let current = true;
    void api.listConflicts({ caseId }).then((result) => {
      if (current) setConflicts(result.ok ? result.value : []);
    });
    return () => {
      current = false;
    };
  }, [api, caseId, revision]);

  useEffect(() => {
    let open: number | null = null;
    const offCase = api.on('caseChanged', (payload) => {
      if (payload.caseId === caseId) setRevision((n) => n + 1);
    });
    const offSync = api.on('syncStatusChanged', (status) => {
      if (open !== null && status.openConflicts !== open) setRevision((n) => n + 1);
      open = status.openConflicts;
    });
    return () => {
      offCase();
      offSync();
    };
  }, [api, caseId]);

  const resolve = useCallback(
    async (conflictId: string, resolution: ConflictResolution) => {
      const result = await api.resolveConflict({ conflictId, resolution });
      setError(result.ok ? null : result.error);
      if (result.ok) {
        setConflicts((prev) => prev.filter((c) => c.id !== conflictId));
        setRevision((n) => n + 1);
      }
      return result.ok;
    },
    [api],
  );

  return { conflicts, error, resolve };
}
