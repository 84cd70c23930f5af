import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { CaseDetailView } from '../../../../shared/contract/cases';
import { stageFile } from '../../api/stage-file';
import { useI18n } from '../../i18n/i18n-context';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { HearingSection } from './hearing/HearingSection';
import { ImportDialog } from './import/ImportDialog';
import { DocumentList } from './list/DocumentList';
import { warmUpPdfjs } from './pdf/pdfjs';
import { DocumentSearchResults } from './search/DocumentSearchResults';
import { DocumentViewer } from './viewer/DocumentViewer';
import { useDocuments } from './list/use-documents';
import './documents.css';

type Props = Readonly<{
  detail: CaseDetailView;
  readOnly: boolean;
  /** Opened from another section on one document (a search hit): the viewer starts on it. */
  initialDocument?: { readonly documentId: string; readonly query: string };
}>;
type SubTab = 'documents' | 'hearing';
type ViewerTarget = { readonly documentId: string; readonly custody: boolean; readonly query: string };

/**
 * The case's evidence: the document list (filters, search, import by picker or drop), the viewer
 * over the case, and "Preparar audiencia".
 */
export function DocumentsPanel({ detail, readOnly, initialDocument }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const caseId = detail.id;
  const state = useDocuments(caseId);
  const picker = useRef<HTMLInputElement>(null);
  const [tab, setTab] = useState<SubTab>('documents');
  const [query, setQuery] = useState('');
  const searched = useDebouncedValue(query.trim(), 300);
  const [pending, setPending] = useState<readonly File[] | null>(null);
  const [viewer, setViewer] = useState<ViewerTarget | null>(initialDocument ? { ...initialDocument, custody: false } : null);
  const [dragging, setDragging] = useState(false);
  const dragDepth = useRef(0);

  useEffect(() => warmUpPdfjs(), []);

  const byId = useMemo(() => new Map(state.documents.map((d) => [d.id, d])), [state.documents]);
  const open = (documentId: string, options: { custody?: boolean; query?: string } = {}) =>
    setViewer({ documentId, custody: options.custody ?? false, query: options.query ?? '' });

  const canImport = !readOnly;
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    dragDepth.current = 0;
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (canImport && files.length > 0) setPending(files);
  };
  const dropHandlers = canImport
    ? {
        onDragEnter: (event: DragEvent) => {
          if (!event.dataTransfer.types.includes('Files')) return;
          dragDepth.current += 1;
          setDragging(true);
        },
        onDragOver: (event: DragEvent) => {
          if (event.dataTransfer.types.includes('Files')) event.preventDefault();
        },
        onDragLeave: () => {
          dragDepth.current = Math.max(0, dragDepth.current - 1);
          if (dragDepth.current === 0) setDragging(false);
        },
        onDrop,
      }
    : {};

  return (
    <section className={dragging ? 'panel documents-panel is-dropping' : 'panel documents-panel'} aria-label={t('documents.title')} data-testid="documents-panel" data-case-id={caseId} {...dropHandlers}>
      <div className="docs-head">
        <div className="docs-subtabs" role="tablist" aria-label={t('documents.title')}>
          <button type="button" role="tab" aria-selected={tab === 'documents'} className="docs-subtab" onClick={() => setTab('documents')} data-testid="documents-subtab-list">
            {t('documents.title')}
            <span className="docs-count num">{state.documents.length}</span>
          </button>
          <button type="button" role="tab" aria-selected={tab === 'hearing'} className="docs-subtab" onClick={() => setTab('hearing')} data-testid="documents-subtab-hearing">
            {t('documents.hearing.tab')}
          </button>
        </div>
        {canImport && tab === 'documents' ? (
          <>
            <button type="button" className="btn btn-primary btn-sm" onClick={() => picker.current?.click()} data-testid="documents-import">
              {t('documents.import.button')}
            </button>
            <input
              ref={picker}
              type="file"
              multiple
              hidden
              onChange={(event) => {
                const files = [...(event.target.files ?? [])];
                event.target.value = '';
                if (files.length > 0) setPending(files);
              }}
              data-testid="documents-file-input"
            />
          </>
        ) : null}
      </div>
      {tab === 'documents' ? (
        <>
          <div className="docs-search" role="search">
            <input
              className="input"
              type="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              placeholder={t('documents.search.placeholder')}
              aria-label={t('documents.search.placeholder')}
              maxLength={200}
              data-testid="documents-search"
            />
          </div>
          {searched !== '' ? (
            <DocumentSearchResults caseId={caseId} query={searched} onOpen={open} />
          ) : (
            <DocumentList state={state} canImport={canImport} onOpen={open} />
          )}
          {canImport ? <p className="docs-drop-hint muted">{t('documents.import.dropHint')}</p> : null}
        </>
      ) : (
        <HearingSection caseId={caseId} />
      )}
      {dragging ? (
        <div className="docs-drop-overlay" aria-hidden="true">
          {t('documents.import.dropHere')}
        </div>
      ) : null}
      {pending ? (
        <ImportDialog
          caseId={caseId}
          files={pending}
          stage={stageFile}
          onDone={() => {
            setPending(null);
            state.reload();
          }}
          onCancel={() => setPending(null)}
        />
      ) : null}
      {viewer ? (
        <DocumentViewer
          key={viewer.documentId}
          documentId={viewer.documentId}
          known={byId.get(viewer.documentId)}
          initialCustody={viewer.custody}
          initialQuery={viewer.query}
          readOnly={readOnly}
          onOpen={(documentId) => open(documentId)}
          onClose={() => setViewer(null)}
        />
      ) : null}
    </section>
  );
}
