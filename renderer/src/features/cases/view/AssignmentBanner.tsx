import { useState } from 'react';
import type { CaseDetailView } from '../../../../../shared/contract/cases';
import type { AppErrorShape } from '../../../../../shared/contract/errors';
import { useMesa } from '../../../api/mesa-context';
import { useI18n } from '../../../i18n/i18n-context';
import { Dialog } from '../../../ui/Dialog';
import { ErrorNotice } from '../../../ui/ErrorNotice';

type Props = Readonly<{ detail: CaseDetailView; onChanged: (detail: CaseDetailView) => void }>;

const REASON_MAX = 1_000;

/** Whether the mediator may no longer write to the case: it left their caseload, or they declined it. */
export const isReadOnlyCase = (detail: CaseDetailView): boolean =>
  detail.assignment.status === 'unassigned' || detail.assignment.pendingDecision === 'decline';

/** A designation still waiting for the mediator's answer: that answer comes before any stage change. */
export const awaitsDecision = (detail: CaseDetailView): boolean => detail.assignment.status === 'pending' && detail.assignment.pendingDecision === null;

/**
 * The platform's designation of this case to the mediator: a calm question while it is
 * 'pending' (accept, or decline with an optional reason), the decision as sent-not-confirmed
 * while it waits in the outbox, and a read-only notice once the case left their caseload.
 * The case reloads on caseChanged, so the platform's confirmation replaces these by itself.
 */
export function AssignmentBanner({ detail, onChanged }: Props) {
  const api = useMesa();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AppErrorShape | null>(null);
  const { status, pendingDecision } = detail.assignment;

  const decide = async (decision: 'accept' | 'decline') => {
    setBusy(true);
    const trimmed = reason.trim();
    const result = await api.decideAssignment({ caseId: detail.id, decision, ...(decision === 'decline' && trimmed !== '' ? { reason: trimmed } : {}) });
    setBusy(false);
    setDeclining(false);
    if (result.ok) {
      setError(null);
      onChanged(result.value);
    } else {
      setError(result.error);
    }
  };

  if (status === 'unassigned') {
    return (
      <div className="case-notices">
        <div className="assignment assignment-gone" role="status" data-testid="assignment-unassigned">
          <p>{t('assignment.unassigned')}</p>
        </div>
      </div>
    );
  }
  if (pendingDecision !== null) {
    return (
      <div className="case-notices">
        <div className="assignment assignment-sent" role="status" data-testid="assignment-banner" data-state={`pending_${pendingDecision}`}>
          <span className="spinner assignment-spinner" aria-hidden="true" />
          <p>{t(`assignment.pending.${pendingDecision}`)}</p>
        </div>
      </div>
    );
  }
  if (status !== 'pending') return null;

  return (
    <div className="case-notices">
      <div className="assignment assignment-question" role="region" aria-label={t('assignment.label')} data-testid="assignment-banner" data-state="pending">
        <div className="assignment-text">
          <p className="assignment-title">{t('assignment.prompt')}</p>
          <p className="assignment-help">{t('assignment.help')}</p>
          {error ? <ErrorNotice error={error} testId="assignment-error" /> : null}
        </div>
        <div className="assignment-actions">
          <button type="button" className="btn btn-sm" disabled={busy} onClick={() => setDeclining(true)} data-testid="assignment-decline">
            {t('assignmentDecision.decline')}
          </button>
          <button type="button" className="btn btn-sm btn-primary" disabled={busy} onClick={() => void decide('accept')} data-testid="assignment-accept">
            {t('assignmentDecision.accept')}
          </button>
        </div>
        {declining ? (
          <Dialog
            title={t('assignment.declineTitle')}
            confirmLabel={t('assignment.declineConfirm')}
            cancelLabel={t('app.cancel')}
            busy={busy}
            danger
            onConfirm={() => void decide('decline')}
            onCancel={() => setDeclining(false)}
            testId="assignment-decline-dialog"
          >
            <p className="muted">{t('assignment.declineBody')}</p>
            <label className="assignment-reason">
              <span>{t('assignment.reason')}</span>
              <textarea
                className="textarea"
                value={reason}
                maxLength={REASON_MAX}
                placeholder={t('assignment.reasonPlaceholder')}
                onChange={(event) => setReason(event.target.value)}
                data-testid="assignment-decline-reason"
              />
            </label>
          </Dialog>
        ) : null}
      </div>
    </div>
  );
}
