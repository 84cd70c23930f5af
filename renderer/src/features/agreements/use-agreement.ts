import { useCallback, useEffect, useState } from 'react';
import type { AgreementCatalogue, AgreementState } from '../../../../shared/contract/agreements';
import type { AppErrorShape } from '../../../../shared/contract/errors';
import { useMesa } from '../../api/mesa-context';

export interface AgreementData {
  readonly catalogue: AgreementCatalogue | null;
  readonly state: AgreementState | null;
  readonly error: AppErrorShape | null;
  readonly loading: boolean;
  readonly reload: () => void;
  /** Shows the state an action returned at once (the agreementsChanged reload follows). */
  readonly replace: (state: AgreementState) => void;
}

/** A case's agreement and the template catalogue; reloaded whenever the core says the agreement changed. */
export function useAgreement(caseId: string): AgreementData {
  const api = useMesa();
  const [catalogue, setCatalogue] = useState<AgreementCatalogue | null>(null);
  const [state, setState] = useState<AgreementState | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [loading, setLoading] = useState(true);
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    let current = true;
    void Promise.all([api.listAgreementTemplates({}), api.getAgreement({ caseId })]).then(([catalogueResult, stateResult]) => {
      if (!current) return;
      setLoading(false);
      if (catalogueResult.ok) setCatalogue(catalogueResult.value);
      if (stateResult.ok) setState(stateResult.value);
      setError(!catalogueResult.ok ? catalogueResult.error : !stateResult.ok ? stateResult.error : null);
    });
    return () => {
      current = false;
    };
  }, [api, caseId, revision]);

  useEffect(
    () =>
      api.on('agreementsChanged', (payload) => {
        if (payload.caseId === caseId) setRevision((n) => n + 1);
      }),
    [api, caseId],
  );

  const reload = useCallback(() => setRevision((n) => n + 1), []);
  return { catalogue, state, error, loading, reload, replace: setState };
}
