import { useState } from 'react';
import type { AppErrorShape } from '../../../../../shared/contract/errors';
import { ScheduleRefusal, type SessionView } from '../../../../../shared/contract/schedule';
import { refusalText } from '../../../../../shared/i18n';
import { useMesa } from '../../../api/mesa-context';
import { useNow } from '../../../hooks/use-now';
import { useI18n } from '../../../i18n/i18n-context';
import { Dialog } from '../../../ui/Dialog';
import { downloadText } from '../../../ui/download';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { useMediatorZone } from '../../agenda/use-mediator-zone';
import { ScheduleDialog } from './ScheduleDialog';
import { SessionItem, type SessionAction } from './SessionItem';
import { useCaseSessions } from './use-case-sessions';
import '../../agenda/agenda.css';
import './sessions.css';

type Open =
  | { readonly type: 'schedule' }
  | { readonly type: 'reschedule'; readonly session: SessionView }
  | { readonly type: 'confirm'; readonly session: SessionView; readonly action: 'cancel' | 'held' | 'no_show' };

/** The case's sessions, with "Programar sesión" and the actions on each; refreshed on sessionsChanged. */
export function SessionsPanel({ caseId, readOnly }: Readonly<{ caseId: string; readOnly: boolean }>) {
  const api = useMesa();
  const i18n = useI18n();
  const { t } = i18n;
  const zone = useMediatorZone();
  const nowIso = useNow(60_000).toISOString();
  const state = useCaseSessions(caseId);
  const [open, setOpen] = useState<Open | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<{ error: AppErrorShape; detail?: string } | null>(null);

  const fail = (error: AppErrorShape) => {
    const reason = ScheduleRefusal.safeParse(error.issues?.find((issue) => issue.reason)?.reason);
    setActionError({ error, detail: reason.success ? refusalText(i18n, reason.data) : undefined });
  };

  const onAction = async (session: SessionView, action: SessionAction) => {
    setActionError(null);
    if (action === 'reschedule') return setOpen({ type: 'reschedule', session });
    if (action !== 'ics') return setOpen({ type: 'confirm', session, action });
    setBusy(true);
    const result = await api.exportSessionIcs({ sessionId: session.id });
    setBusy(false);
    if (result.ok) downloadText(result.value.fileName, result.value.content);
    else fail(result.error);
  };

  const confirm = async (session: SessionView, action: 'cancel' | 'held' | 'no_show') => {
    setBusy(true);
    const result =
      action === 'cancel'
        ? await api.cancelSession({ sessionId: session.id, expectedVersion: session.version })
        : await api.recordSessionOutcome({ sessionId: session.id, outcome: action, expectedVersion: session.version });
    setBusy(false);
    setOpen(null);
    if (result.ok) state.replace(result.value);
    else fail(result.error);
  };

  return (
    <section className="panel" aria-labelledby="case-sessions-title" data-testid="sessions">
      <h3 className="panel-title" id="case-sessions-title">
        {t('sessions.title')}
        {!readOnly ? (
          <button type="button" className="btn btn-primary btn-sm" onClick={() => setOpen({ type: 'schedule' })} data-testid="session-schedule">
            {t('sessions.schedule')}
          </button>
        ) : null}
      </h3>
      {readOnly ? <p className="muted">{t('sessions.readOnly')}</p> : null}
      {state.error ? <ErrorNotice error={state.error} title={t('sessions.loadError')} onRetry={state.reload} testId="sessions-error" /> : null}
      {actionError ? <ErrorNotice error={actionError.error} title={t('sessions.actionError')} detail={actionError.detail} testId="session-action-error" /> : null}
      {!state.loading && state.sessions.length === 0 && !state.error ? <p className="muted">{t('sessions.empty')}</p> : null}
      <ul className="session-list">
        {state.sessions.map((session) => (
          <SessionItem key={session.id} session={session} zone={zone} nowIso={nowIso} readOnly={readOnly} busy={busy} onAction={(s, a) => void onAction(s, a)} />
        ))}
      </ul>

      {open?.type === 'schedule' || open?.type === 'reschedule' ? (
        <ScheduleDialog
          caseId={caseId}
          session={open.type === 'reschedule' ? open.session : undefined}
          mediatorZone={zone}
          onCancel={() => setOpen(null)}
          onDone={(session) => {
            setOpen(null);
            state.replace(session);
          }}
        />
      ) : null}
      {open?.type === 'confirm' ? (
        <Dialog
          title={open.action === 'cancel' ? t('sessions.cancel.title') : t('sessions.outcome.title', { status: t(`sessionStatus.${open.action}`) })}
          confirmLabel={open.action === 'cancel' ? t('sessions.cancel') : t('app.confirm')}
          cancelLabel={open.action === 'cancel' ? t('sessions.cancel.keep') : t('app.cancel')}
          danger={open.action === 'cancel'}
          busy={busy}
          onConfirm={() => void confirm(open.session, open.action)}
          onCancel={() => setOpen(null)}
          testId="session-confirm-dialog"
        >
          <p>{open.action === 'cancel' ? t('sessions.cancel.body') : t('sessions.outcome.body')}</p>
        </Dialog>
      ) : null}
    </section>
  );
}
