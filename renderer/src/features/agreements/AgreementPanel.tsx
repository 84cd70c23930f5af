import { useEffect, useMemo, useRef, useState } from 'react';
// First, so the feature styles that build on it (tags, status) come after it.
import './agreements.css';
import type { AgreementState, AgreementVersion } from '../../../../shared/contract/agreements';
import type { CaseDetailView } from '../../../../shared/contract/cases';
import type { AppErrorShape } from '../../../../shared/contract/errors';
import type { Result } from '../../../../shared/contract/result';
import type { MessageKey } from '../../../../shared/i18n';
import { formatDateTime } from '../../../../shared/format/dates';
import { useMesa } from '../../api/mesa-context';
import { useNow } from '../../hooks/use-now';
import { useI18n } from '../../i18n/i18n-context';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { saveLink } from '../documents/save-link';
import { AcceptancePanel } from './AcceptancePanel';
import { refusalDetail } from './agreement-errors';
import { AgreementEditor } from './AgreementEditor';
import { AgreementToolbar, type ToolbarAction } from './AgreementToolbar';
import { CompareView } from './CompareView';
import { TemplatePicker } from './TemplatePicker';
import { useAgreement } from './use-agreement';
import { useAgreementDraft } from './use-agreement-draft';
import { VersionList } from './VersionList';

type Pane = 'text' | 'versions';
// The title is kept as a key, so a language switch translates a notice already on screen.
type Failure = { readonly error: AppErrorShape; readonly title: MessageKey; readonly context: 'export' | 'other' };

/** The case's agreement: start from a template, draft, save versions, compare, export, send, close, fulfil. */
export function AgreementPanel({ detail, readOnly }: Readonly<{ detail: CaseDetailView; readOnly: boolean }>) {
  const api = useMesa();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const caseId = detail.id;
  const data = useAgreement(caseId);
  const { state, catalogue } = data;
  const latest = state?.latest ?? null;
  const final = state?.final ?? false;
  const drafts = useAgreementDraft(caseId, latest, final);
  const nowIso = useNow(60_000).toISOString();
  const [pane, setPane] = useState<Pane>('text');
  const [opened, setOpened] = useState<AgreementVersion | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [comparing, setComparing] = useState<readonly [AgreementVersion, AgreementVersion] | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [confirmSend, setConfirmSend] = useState(false);
  const definitions = useMemo(() => new Map((catalogue?.variables ?? []).map((definition) => [definition.name, definition])), [catalogue]);
  const rootRef = useRef<HTMLDivElement>(null);
  // A new view (versions, a comparison, an opened version) starts at its top, not where the long text was scrolled to.
  useEffect(() => {
    rootRef.current?.parentElement?.scrollIntoView({ block: 'start' });
  }, [pane, comparing, opened]);

  const run = async <T,>(title: MessageKey, call: () => Promise<Result<T>>, onDone: (value: T) => void, context: Failure['context'] = 'other'): Promise<void> => {
    setBusy(true);
    setFailure(null);
    const result = await call();
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setFailure({ error: result.error, title, context });
  };
  const applyState = (next: AgreementState) => data.replace(next);

  if (data.loading && !state) {
    return (
      <div className="agreement-loading" aria-busy="true" data-testid="agreements-panel">
        <div className="spinner" />
      </div>
    );
  }
  if (!state || !catalogue) {
    return (
      <div className="agreement-panel" data-testid="agreements-panel">
        {data.error ? <ErrorNotice error={data.error} title={t('agreements.loadError')} onRetry={data.reload} testId="agreement-load-error" /> : null}
      </div>
    );
  }

  const failureNotice = failure ? <ErrorNotice error={failure.error} title={t(failure.title)} detail={refusalDetail(i18n, failure.error, definitions, failure.context) ?? undefined} testId="agreement-error" /> : null;

  if (!latest) {
    return (
      <div className="agreement-panel" data-testid="agreements-panel" data-case-id={caseId}>
        {failureNotice}
        <TemplatePicker
          templates={catalogue.templates}
          category={detail.category}
          busy={busy}
          readOnly={readOnly}
          onStart={(templateId) => void run('agreements.start.error', () => api.startAgreement({ caseId, templateId }), applyState)}
        />
      </div>
    );
  }

  const template = catalogue.templates.find((candidate) => candidate.id === (state.templateId ?? latest.content.templateId));
  // What the editor shows: an older version opened from the list, the draft, or the locked newest version.
  const shown = opened ?? (drafts.draft ? null : latest);
  const editorDraft = shown ? { caseId, basedOn: shown.number, content: shown.content, variables: shown.variables } : drafts.draft;
  const editable = !shown && !readOnly;
  const exportable = opened ?? latest;

  const onAction = (action: ToolbarAction) => {
    switch (action) {
      case 'save': {
        const draft = drafts.draft;
        if (!draft) return;
        void run('agreements.save.error', () => api.saveAgreementVersion({ caseId, basedOn: draft.basedOn, content: draft.content, variables: draft.variables }), (next) => {
          applyState(next);
          drafts.saved();
        });
        return;
      }
      case 'discard':
        drafts.discard();
        return;
      case 'docx':
      case 'pdf':
        void run('agreements.export.error', () => api.exportAgreement({ caseId, number: exportable.number, format: action }), saveLink, 'export');
        return;
      case 'send':
        setConfirmSend(true);
        return;
      case 'newVersion':
        drafts.editFrom(shown ?? latest);
        setOpened(null);
        return;
      case 'backToLatest':
        setOpened(null);
        return;
    }
  };

  const openVersion = (number: number) =>
    void run('agreements.versions.openError', () => api.getAgreementVersion({ caseId, number }), (version) => {
      setOpened(version.number === latest.number && drafts.draft ? null : version);
      setPane('text');
    });

  const compare = () => {
    const [a, b] = [...selected].sort((x, y) => x - y);
    if (a === undefined || b === undefined) return;
    void run(
      'agreements.versions.openError',
      async () => {
        const [left, right] = await Promise.all([api.getAgreementVersion({ caseId, number: a }), api.getAgreementVersion({ caseId, number: b })]);
        if (!left.ok) return left;
        if (!right.ok) return right;
        return { ok: true as const, value: [left.value, right.value] as const };
      },
      setComparing,
    );
  };

  return (
    <div ref={rootRef} className="agreement-panel" data-testid="agreements-panel" data-case-id={caseId}>
      {drafts.offer ? (
        <div className="notice notice-info" role="status" data-testid="agreement-draft-offer">
          <div className="notice-body">
            <p className="notice-title">{t('agreements.draft.offerTitle')}</p>
            <p>{t('agreements.draft.offerBody', { when: formatDateTime(drafts.offer.storedAt, locale), n: drafts.offer.basedOn })}</p>
          </div>
          <div className="notice-actions">
            <button type="button" className="btn btn-sm btn-primary" onClick={drafts.restore} data-testid="agreement-draft-restore">
              {t('agreements.draft.restore')}
            </button>
            <button type="button" className="btn btn-sm" onClick={drafts.dismissOffer} data-testid="agreement-draft-dismiss">
              {t('agreements.draft.dismiss')}
            </button>
          </div>
        </div>
      ) : null}
      <AcceptancePanel
        state={state}
        nowIso={nowIso}
        readOnly={readOnly}
        busy={busy}
        onClose={() => void run('agreements.acceptance.closeError', () => api.closeCaseWithAgreement({ caseId }), applyState)}
        onFulfilment={(fulfilled, note) => void run('agreements.fulfilment.error', () => api.recordFulfilment({ caseId, fulfilled, note }), applyState)}
      />
      <AgreementToolbar
        state={state}
        shown={shown}
        dirty={drafts.dirty}
        editing={drafts.draft !== null && !shown}
        readOnly={readOnly}
        busy={busy}
        exportNumber={exportable.number}
        pane={pane}
        onPane={setPane}
        onAction={onAction}
      />
      {failureNotice}
      {pane === 'versions' ? (
        comparing ? (
          <CompareView left={comparing[0]} right={comparing[1]} definitions={definitions} onBack={() => setComparing(null)} />
        ) : (
          <VersionList versions={state.versions} shown={shown?.number ?? null} selected={selected} onSelect={setSelected} onOpen={openVersion} onCompare={compare} />
        )
      ) : editorDraft ? (
        <AgreementEditor
          key={shown ? `version-${shown.number}` : `draft-${drafts.generation}`}
          draft={editorDraft}
          catalogue={catalogue}
          template={template}
          readOnly={!editable}
          onChange={drafts.change}
        />
      ) : null}
      {confirmSend ? (
        <Dialog
          title={t('agreements.send.title', { n: latest.number })}
          confirmLabel={t('agreements.send.confirm')}
          cancelLabel={t('app.cancel')}
          busy={busy}
          onConfirm={() => {
            setConfirmSend(false);
            void run('agreements.send.error', () => api.sendAgreement({ caseId, number: latest.number }), applyState);
          }}
          onCancel={() => setConfirmSend(false)}
          testId="agreement-send-dialog"
        >
          <p>{t('agreements.send.body', { n: latest.number })}</p>
        </Dialog>
      ) : null}
    </div>
  );
}
