import { useState } from 'react';
import type { AgreementState, AgreementVersionSummary } from '../../../../shared/contract/agreements';
import { localDateOf } from '../../../../shared/domain/deadlines';
import type { PartyRole } from '../../../../shared/domain/party';
import { formatDateTime, formatLocalDate } from '../../../../shared/format/dates';
import { useI18n } from '../../i18n/i18n-context';
import { Dialog } from '../../ui/Dialog';
import './versions.css';

type Props = Readonly<{
  state: AgreementState;
  nowIso: string;
  readOnly: boolean;
  busy: boolean;
  onClose: () => void;
  onFulfilment: (fulfilled: boolean, note: string) => void;
}>;

const ROLES: readonly PartyRole[] = ['consumer', 'company'];

function PartyStatus({ version, role }: Readonly<{ version: AgreementVersionSummary; role: PartyRole }>) {
  const { t, locale } = useI18n();
  const decision = version[role];
  return (
    <li className={`party-decision decision-${decision.decision}`} data-testid="party-decision" data-role={role} data-decision={decision.decision}>
      <span className="party-name">{t(`partyRole.${role}`)}</span>
      <span className="party-verdict">
        {t(`partyDecision.${decision.decision}`)}
        {decision.decidedAt ? <span className="muted"> · {formatDateTime(decision.decidedAt, locale)}</span> : null}
      </span>
      {decision.decision === 'rejected' && decision.reason ? <q className="party-reason">{decision.reason}</q> : null}
    </li>
  );
}

function FulfilmentDialog({ busy, onConfirm, onCancel }: Readonly<{ busy: boolean; onConfirm: (fulfilled: boolean, note: string) => void; onCancel: () => void }>) {
  const { t } = useI18n();
  const [fulfilled, setFulfilled] = useState<boolean | null>(null);
  const [note, setNote] = useState('');
  return (
    <Dialog title={t('agreements.fulfilment.recordTitle')} confirmLabel={t('agreements.fulfilment.record')} cancelLabel={t('app.cancel')} confirmDisabled={fulfilled === null} busy={busy} onConfirm={() => fulfilled !== null && onConfirm(fulfilled, note.trim())} onCancel={onCancel} testId="fulfilment-dialog">
      <div className="radio-list" role="radiogroup" aria-label={t('agreements.fulfilment.recordTitle')}>
        {([true, false] as const).map((value) => (
          <label key={String(value)} className="radio-option">
            <input type="radio" name="fulfilled" checked={fulfilled === value} onChange={() => setFulfilled(value)} data-testid={value ? 'fulfilment-yes' : 'fulfilment-no'} />
            {t(value ? 'agreements.fulfilment.fulfilled' : 'agreements.fulfilment.notFulfilled')}
          </label>
        ))}
      </div>
      <label className="field-label" htmlFor="fulfilment-note">
        {t('agreements.fulfilment.note')}
      </label>
      <textarea id="fulfilment-note" className="textarea" rows={3} maxLength={5_000} value={note} onChange={(event) => setNote(event.target.value)} data-testid="fulfilment-note" />
    </Dialog>
  );
}

/** The sent version's acceptance by each party, closing the case with it, and its fulfilment. */
export function AcceptancePanel({ state, nowIso, readOnly, busy, onClose, onFulfilment }: Props) {
  const { t, locale } = useI18n();
  const [confirmClose, setConfirmClose] = useState(false);
  const [recording, setRecording] = useState(false);
  const sent = state.versions.find((version) => version.number === state.currentSentNumber);
  const { fulfilment } = state;
  if (!sent && !fulfilment) return null;
  // 'not_accepted' is what the decisions above already show.
  const blocked = state.closeBlockedBy && state.closeBlockedBy !== 'not_accepted' && !state.final ? state.closeBlockedBy : null;
  // Fulfilment is recorded from the agreed date on (the core refuses earlier).
  const due = fulfilment !== null && localDateOf(nowIso) >= fulfilment.dueDate;

  return (
    <section className="panel agreement-acceptance" aria-labelledby="agreement-acceptance-title" data-testid="agreement-acceptance">
      <h3 className="panel-title" id="agreement-acceptance-title">
        {t('agreements.acceptance.title')}
      </h3>
      {sent ? (
        <>
          <p data-testid="acceptance-version">
            {t('agreements.acceptance.sent', { n: sent.number })}
            {sent.sentAt ? ` · ${formatDateTime(sent.sentAt, locale)}` : null}
            {sent.delivery === 'pending' || sent.delivery === 'failed' ? (
              <span className={sent.delivery === 'failed' ? 'tag tag-danger' : 'tag tag-warning'} data-testid="acceptance-delivery">
                {t(`agreementDelivery.${sent.delivery}`)}
              </span>
            ) : null}
          </p>
          <ul className="party-decisions">
            {ROLES.map((role) => (
              <PartyStatus key={role} version={sent} role={role} />
            ))}
          </ul>
        </>
      ) : null}
      {state.outdatedDecisions.map((outdated) => (
        <p key={`${outdated.party}-${outdated.versionNumber}-${outdated.decidedAt ?? ''}`} className="outdated-decision" data-testid="outdated-decision">
          {t('agreements.outdatedDecision', {
            party: t(`partyRole.${outdated.party}`),
            decision: t(`partyDecision.${outdated.decision}`).toLowerCase(),
            version: outdated.versionNumber,
            current: outdated.currentNumber,
          })}
        </p>
      ))}
      {blocked ? <p className="muted" data-testid="agreement-close-blocked">{t(`agreementRefusal.${blocked}`)}</p> : null}
      {state.canClose && !readOnly ? (
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => setConfirmClose(true)} data-testid="agreement-close-case">
          {t('agreements.acceptance.close')}
        </button>
      ) : null}
      {fulfilment ? (
        <div className={`fulfilment fulfilment-${fulfilment.status}`} data-testid="agreement-fulfilment" data-status={fulfilment.status}>
          <p>
            <strong>{t('agreements.fulfilment.title')}</strong> {t('agreements.fulfilment.due', { date: formatLocalDate(fulfilment.dueDate, locale) })} · {t(`fulfilmentStatus.${fulfilment.status}`)}
          </p>
          {fulfilment.note ? <p className="muted">{fulfilment.note}</p> : null}
          {fulfilment.status === 'pending' && !readOnly ? (
            <>
              <button type="button" className="btn btn-sm" disabled={busy || !due} onClick={() => setRecording(true)} data-testid="fulfilment-record">
                {t('agreements.fulfilment.record')}
              </button>
              {!due ? <span className="muted">{t('agreements.fulfilment.notYet', { date: formatLocalDate(fulfilment.dueDate, locale) })}</span> : null}
            </>
          ) : null}
        </div>
      ) : null}
      {confirmClose ? (
        <Dialog
          title={t('agreements.acceptance.closeTitle')}
          confirmLabel={t('agreements.acceptance.close')}
          cancelLabel={t('app.cancel')}
          busy={busy}
          onConfirm={() => {
            setConfirmClose(false);
            onClose();
          }}
          onCancel={() => setConfirmClose(false)}
          testId="agreement-close-dialog"
        >
          <p>{t('agreements.acceptance.closeBody', { n: state.currentSentNumber ?? '?' })}</p>
        </Dialog>
      ) : null}
      {recording ? (
        <FulfilmentDialog
          busy={busy}
          onConfirm={(fulfilled, note) => {
            setRecording(false);
            onFulfilment(fulfilled, note);
          }}
          onCancel={() => setRecording(false)}
        />
      ) : null}
    </section>
  );
}
