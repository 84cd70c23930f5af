import type { AgreementState, AgreementVersion } from '../../../../shared/contract/agreements';
import { useI18n } from '../../i18n/i18n-context';

export type ToolbarAction = 'save' | 'discard' | 'docx' | 'pdf' | 'send' | 'newVersion' | 'backToLatest';

type Props = Readonly<{
  state: AgreementState;
  /** The version shown read-only, or null while the draft is edited. */
  shown: AgreementVersion | null;
  dirty: boolean;
  editing: boolean;
  readOnly: boolean;
  busy: boolean;
  exportNumber: number;
  pane: 'text' | 'versions';
  onPane: (pane: 'text' | 'versions') => void;
  onAction: (action: ToolbarAction) => void;
}>;

/** Which version is on screen and what can be done with it. */
export function AgreementToolbar({ state, shown, dirty, editing, readOnly, busy, exportNumber, pane, onPane, onAction }: Props) {
  const { t } = useI18n();
  const latest = state.latest;
  const current = shown ?? latest;
  const isLatest = !shown || shown.number === latest?.number;
  const button = (action: ToolbarAction, label: string, options: { primary?: boolean; disabled?: boolean; title?: string } = {}) => (
    <button type="button" className={options.primary ? 'btn btn-sm btn-primary' : 'btn btn-sm'} disabled={busy || options.disabled} title={options.title} onClick={() => onAction(action)} data-testid={`agreement-${action}`}>
      {label}
    </button>
  );

  return (
    <div className="agreement-toolbar" data-testid="agreement-toolbar">
      <div className="agreement-status">
        <div className="segmented" role="tablist" aria-label={t('agreements.title')}>
          <button type="button" role="tab" aria-selected={pane === 'text'} onClick={() => onPane('text')} data-testid="agreement-pane-text">
            {t('agreements.pane.text')}
          </button>
          <button type="button" role="tab" aria-selected={pane === 'versions'} onClick={() => onPane('versions')} data-testid="agreement-pane-versions">
            {t('agreements.pane.versions', { count: state.versions.length })}
          </button>
        </div>
        {current ? (
          <span className="agreement-version" data-testid="agreement-version" data-number={current.number} data-status={current.status}>
            {editing && dirty ? t('agreements.toolbar.newDraft', { n: latest?.number ?? 0 }) : t('agreements.versions.label', { n: current.number })}
            {!(editing && dirty) ? <span className={`status status-${current.status}`}>{t(`agreementStatus.${current.status}`)}</span> : null}
          </span>
        ) : null}
        {editing && dirty ? (
          <span className="unsaved" role="status" data-testid="agreement-unsaved">
            {t('agreements.toolbar.unsaved')}
          </span>
        ) : null}
      </div>
      <div className="agreement-actions">
        {editing && !readOnly ? (
          <>
            {dirty ? button('discard', t('agreements.toolbar.discard')) : null}
            {button('save', t('agreements.toolbar.save'), { primary: true, disabled: !dirty })}
          </>
        ) : null}
        {shown && !isLatest ? button('backToLatest', t('agreements.toolbar.backToLatest')) : null}
        {shown && !readOnly && !state.final ? button('newVersion', t('agreements.toolbar.newVersion'), { primary: isLatest }) : null}
        {button('docx', t('agreements.toolbar.exportDocx'), { title: t('agreements.toolbar.exportHint', { n: exportNumber }) })}
        {button('pdf', t('agreements.toolbar.exportPdf'), { title: t('agreements.toolbar.exportHint', { n: exportNumber }) })}
        {!readOnly && isLatest && !dirty && state.canSend ? button('send', t('agreements.toolbar.send'), { primary: true }) : null}
      </div>
      {shown ? (
        <p className="agreement-readonly-note" data-testid="agreement-readonly-note">
          {state.final ? t('agreements.toolbar.finalNote') : shown.locked ? t('agreements.toolbar.lockedNote', { n: shown.number }) : t('agreements.toolbar.oldNote', { n: shown.number })}
        </p>
      ) : null}
    </div>
  );
}
