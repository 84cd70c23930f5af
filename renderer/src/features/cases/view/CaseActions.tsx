import { useMemo, useState } from 'react';
import type { AppErrorShape } from '../../../../../shared/contract/errors';
import type { CaseDetailView } from '../../../../../shared/contract/cases';
import { availableTransitions } from '../../../../../shared/domain/stage-machine';
import type { Transition, TransitionType } from '../../../../../shared/domain/transition';
import { useMesa } from '../../../api/mesa-context';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { TransitionDialog } from './TransitionDialog';

type Props = Readonly<{ detail: CaseDetailView; onChanged: (detail: CaseDetailView) => void; onReload: () => void }>;

/** Errors after which the case on screen is stale: offer to reload it. */
const STALE_CODES: ReadonlySet<string> = new Set(['conflict', 'invalid_transition', 'not_found']);

/** The stage machine's available transitions as buttons; each one confirms in a dialog. */
export function CaseActions({ detail, onChanged, onReload }: Props) {
  const api = useMesa();
  const { t } = useI18n();
  const [pending, setPending] = useState<TransitionType | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const byType = useMemo(() => {
    const groups = new Map<TransitionType, Transition[]>();
    for (const transition of availableTransitions(detail, { facts: detail })) {
      groups.set(transition.type, [...(groups.get(transition.type) ?? []), transition]);
    }
    return groups;
  }, [detail]);

  const run = async (transition: Transition) => {
    setBusy(true);
    const result = await api.transitionCase({ caseId: detail.id, transition, expectedVersion: detail.version });
    setBusy(false);
    setPending(null);
    if (result.ok) {
      setError(null);
      onChanged(result.value);
    } else {
      setError(result.error);
    }
  };

  return (
    <>
      <div className="case-actions" role="group" aria-label={t('actions.title')} data-testid="case-actions">
        {byType.size === 0 ? <span className="muted">{t('actions.none')}</span> : null}
        {[...byType.keys()].map((type) => (
          <button
            key={type}
            type="button"
            className={type === 'close' ? 'btn' : 'btn btn-primary'}
            onClick={() => setPending(type)}
            data-testid={`action-${type}`}
          >
            {t(`transition.${type}`)}
          </button>
        ))}
      </div>
      {error ? (
        <div className="case-action-error">
        <ErrorNotice
          error={error}
          onRetry={STALE_CODES.has(error.code) ? () => { setError(null); onReload(); } : undefined}
          retryLabel={t('actions.conflict.reload')}
          testId="action-error"
        />
        </div>
      ) : null}
      {pending ? (
        <TransitionDialog type={pending} options={byType.get(pending) ?? []} busy={busy} onConfirm={(transition) => void run(transition)} onCancel={() => setPending(null)} />
      ) : null}
    </>
  );
}
