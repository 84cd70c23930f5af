import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { CaseDetailView } from '../../../../../shared/contract/cases';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { StageBadge } from '../../../ui/StageBadge';
import { ChatPanel } from '../chat/ChatPanel';
import { NotesPanel } from '../notes/NotesPanel';
import { SessionsPanel } from '../sessions/SessionsPanel';
import { AssignmentBanner, awaitsDecision, isReadOnlyCase } from './AssignmentBanner';
import { CaseActions } from './CaseActions';
import { CaseSummary } from './CaseSummary';
import { CaseTabs, type CaseTab } from './CaseTabs';
import { CaseTimeline } from './CaseTimeline';
import { ConflictNotice } from './ConflictNotice';
import { DeadlinesPanel } from './DeadlinesPanel';
import { EscalationPanel } from './EscalationPanel';
import { PartiesPanel } from './PartiesPanel';
import { useCaseDetail } from './use-case-detail';
import { useConflicts } from './use-conflicts';
import './case-view.css';

// The agreement editor (tiptap/ProseMirror) and the documents tab are loaded when first opened,
// so the case list — the first screen — does not parse them.
const AgreementPanel = lazy(async () => ({ default: (await import('../../agreements/AgreementPanel')).AgreementPanel }));
const DocumentsPanel = lazy(async () => ({ default: (await import('../../documents/DocumentsPanel')).DocumentsPanel }));
const panelFallback = (
  <div className="case-view-loading" aria-busy="true">
    <div className="spinner" />
  </div>
);

/** Where a case opened from another section lands: a tab, and in Documentos a document in the viewer. */
export interface CaseOpening {
  readonly tab: CaseTab;
  readonly document?: { readonly documentId: string; readonly query: string };
}

type Props = Readonly<{ caseId: string; onClose: () => void; opening?: CaseOpening }>;

/** The case, over the list (which stays mounted, keeping its scroll and cache). Escape closes. */
export function CaseView({ caseId, onClose, opening }: Props) {
  const { t } = useI18n();
  const { detail, timeline, error, loading, reload, replace } = useCaseDetail(caseId);
  const conflicts = useConflicts(caseId);
  // In mediation the conversations are the work; otherwise the claim comes first (unless the case
  // was opened on a given tab). Once the mediator picks a tab, that choice holds for this open case.
  const [tab, setTab] = useState<CaseTab | null>(opening?.tab ?? null);
  const shownTab: CaseTab = tab ?? (detail?.stage === 'mediation' ? 'chat' : 'summary');
  const rootRef = useRef<HTMLElement>(null);
  // Show the returned case at once, then reload so the timeline has the new audit entry too.
  const onChanged = useCallback(
    (next: CaseDetailView) => {
      replace(next);
      reload();
    },
    [replace, reload],
  );

  useEffect(() => {
    rootRef.current?.focus();
  }, []);

  return (
    <section
      ref={rootRef}
      className="case-view"
      tabIndex={-1}
      aria-label={detail ? t('case.title', { folio: detail.folio }) : t('app.loading')}
      data-testid="case-view"
      data-case-id={caseId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented && event.target === event.currentTarget) onClose();
      }}
    >
      <header className="case-view-header">
        <button type="button" className="btn btn-ghost back" onClick={onClose} aria-label={t('case.close')} data-testid="case-close">
          ← {t('app.back')}
        </button>
        {detail ? (
          <div className="case-view-title">
            <h2>
              <span className="case-view-folio">{detail.folio}</span>
              <span className="case-view-brand">{detail.brandName}</span>
            </h2>
            <StageBadge stage={detail.stage} subState={detail.subState} />
          </div>
        ) : null}
        {detail && !isReadOnlyCase(detail) && !awaitsDecision(detail) ? <CaseActions detail={detail} onChanged={onChanged} onReload={reload} /> : null}
      </header>
      {error && !detail ? (
        <div className="case-view-error">
          <ErrorNotice error={error} title={t('case.loadError')} onRetry={reload} testId="case-error" />
        </div>
      ) : null}
      {loading && !detail && !error ? (
        <div className="case-view-loading" aria-busy="true">
          <div className="spinner" />
        </div>
      ) : null}
      {detail ? (
        <div className="case-view-body">
          <AssignmentBanner detail={detail} onChanged={onChanged} />
          <ConflictNotice state={conflicts} />
          <div className="case-view-main">
            <CaseTabs value={shownTab} onChange={setTab} />
            {shownTab === 'chat' ? (
              <ChatPanel caseId={detail.id} stage={detail.stage} readOnly={isReadOnlyCase(detail)} />
            ) : shownTab === 'documents' ? (
              <Suspense fallback={panelFallback}>
                <DocumentsPanel detail={detail} readOnly={isReadOnlyCase(detail)} initialDocument={opening?.document} />
              </Suspense>
            ) : shownTab === 'agreement' ? (
              <Suspense fallback={panelFallback}>
                <AgreementPanel detail={detail} readOnly={isReadOnlyCase(detail)} />
              </Suspense>
            ) : (
              <>
                <CaseSummary detail={detail} />
                <EscalationPanel criteria={detail.escalationCriteria} />
                <PartiesPanel parties={detail.parties} />
              </>
            )}
          </div>
          <aside className="case-view-side">
            <SessionsPanel caseId={detail.id} readOnly={isReadOnlyCase(detail)} />
            <DeadlinesPanel deadlines={detail.deadlines} />
            <NotesPanel caseId={detail.id} onChanged={reload} />
            <CaseTimeline entries={timeline} />
          </aside>
        </div>
      ) : null}
    </section>
  );
}
