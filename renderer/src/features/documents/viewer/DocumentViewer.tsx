import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentView } from '../../../../../shared/contract/documents';
import type { AppErrorShape } from '../../../../../shared/contract/errors';
import type { FileLink } from '../../../../../shared/contract/files';
import { useMesa } from '../../../api/mesa-context';
import { useI18n } from '../../../i18n/i18n-context';
import { CustodyPanel } from '../custody/CustodyPanel';
import { DocumentMeta } from '../list/DocumentMeta';
import { KindIcon } from '../list/KindIcon';
import { PdfViewer } from '../pdf/PdfViewer';
import { RedactionBar } from '../redaction/RedactionBar';
import { useRedaction, type RedactionControls } from '../redaction/use-redaction';
import { documentErrorText, refusalOf } from '../refusal';
import { saveLink } from '../save-link';
import { EmailViewer } from './EmailViewer';
import { ImageViewer } from './ImageViewer';
import { TextViewer } from './TextViewer';
import { UnsupportedFile } from './UnsupportedFile';
import { ViewerProblem } from './ViewerProblem';
import { Loading } from './Loading';

type Props = Readonly<{
  documentId: string;
  /** The document as the list knows it: the header shows at once, before the open finishes. */
  known: DocumentView | undefined;
  /** Shows another document in the viewer (a new redacted copy). */
  onOpen: (documentId: string) => void;
  onClose: () => void;
  readOnly: boolean;
  /** Opens with the custody log shown. */
  initialCustody: boolean;
  /** A search from the document list: a PDF opens at its first match. */
  initialQuery: string;
}>;

type Opened = { readonly document: DocumentView; readonly link: FileLink };

/**
 * The viewer, over the case: it opens the document (the core checks the hash and logs
 * 'opened'), then shows it by kind. Escape leaves "Tachar" mode first, then closes.
 */
export function DocumentViewer({ documentId, known, onOpen, onClose, readOnly, initialCustody, initialQuery }: Props) {
  const api = useMesa();
  const i18n = useI18n();
  const { t } = i18n;
  const dialog = useRef<HTMLDialogElement>(null);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [showCustody, setShowCustody] = useState(initialCustody);
  const [custodyRevision, setCustodyRevision] = useState(0);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<AppErrorShape | null>(null);
  const redaction = useRedaction();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  useEffect(() => {
    // The viewer is keyed by document (a new redacted copy mounts a fresh one): no reset here.
    let cancelled = false;
    void api.openDocument({ documentId }).then((result) => {
      if (cancelled) return;
      if (result.ok) setOpened(result.value);
      else setError(result.error);
      setCustodyRevision((n) => n + 1);
    });
    return () => {
      cancelled = true;
    };
  }, [api, documentId]);

  const save = useCallback(async () => {
    setSaving(true);
    const result = await api.exportDocument({ documentId });
    setSaving(false);
    if (result.ok) saveLink(result.value);
    setSaveError(result.ok ? null : result.error);
    setCustodyRevision((n) => n + 1);
  }, [api, documentId]);

  const document = opened?.document ?? known;
  const canRedact = !readOnly && opened !== null && (opened.document.kind === 'pdf' || opened.document.kind === 'image');

  return (
    <dialog
      ref={dialog}
      className="doc-viewer"
      aria-label={document?.fileName ?? t('documents.viewer.title')}
      data-testid="document-viewer"
      data-document-id={documentId}
      data-kind={document?.kind ?? ''}
      onCancel={(event) => {
        event.preventDefault();
        if (redaction.active) redaction.setActive(false);
        else onClose();
      }}
    >
      <header className="doc-viewer-header">
        {document ? <KindIcon kind={document.kind} /> : null}
        <div className="doc-viewer-title">
          <h2 title={document?.fileName}>{document?.fileName ?? t('app.loading')}</h2>
          {document ? <DocumentMeta document={document} /> : null}
        </div>
        <div className="doc-viewer-actions">
          {canRedact ? (
            <button type="button" className="btn btn-sm" aria-pressed={redaction.active} onClick={() => redaction.setActive(!redaction.active)} data-testid="redact-toggle">
              {t('documents.redact.mode')}
            </button>
          ) : null}
          <button type="button" className="btn btn-sm" aria-pressed={showCustody} onClick={() => setShowCustody((v) => !v)} data-testid="custody-toggle">
            {t('documents.custody.title')}
          </button>
          {opened ? (
            <button type="button" className="btn btn-sm" onClick={() => void save()} disabled={saving} data-testid="document-save">
              {t('documents.saveCopy')}
            </button>
          ) : null}
          <button type="button" className="btn btn-sm btn-ghost doc-viewer-close" onClick={onClose} aria-label={t('documents.viewer.close')} data-testid="viewer-close">
            ✕
          </button>
        </div>
      </header>
      {saveError ? <p className="doc-viewer-error" role="alert">{documentErrorText(i18n, saveError)}</p> : null}
      <div className={showCustody ? 'doc-viewer-body with-side' : 'doc-viewer-body'}>
        <div className="doc-viewer-content">
          {error ? (
            <ViewerProblem reason={refusalOf(error)} detail={refusalOf(error) ? undefined : documentErrorText(i18n, error)} />
          ) : !opened ? (
            <Loading />
          ) : (
            <ViewerBody opened={opened} redaction={redaction} query={initialQuery} onSave={() => void save()} saving={saving} />
          )}
        </div>
        {showCustody ? (
          <aside className="doc-viewer-side">
            <CustodyPanel documentId={documentId} revision={custodyRevision} />
          </aside>
        ) : null}
      </div>
      {redaction.active && opened ? (
        <RedactionBar
          document={opened.document}
          redaction={redaction}
          onCreated={(copy) => {
            redaction.clear();
            redaction.setActive(false);
            onOpen(copy.id);
          }}
        />
      ) : null}
    </dialog>
  );
}

function ViewerBody({ opened, redaction, query, onSave, saving }: Readonly<{ opened: Opened; redaction: RedactionControls; query: string; onSave: () => void; saving: boolean }>) {
  const { document, link } = opened;
  switch (document.kind) {
    case 'pdf':
      return <PdfViewer url={link.url} redaction={redaction} initialQuery={query} />;
    case 'image':
      return <ImageViewer url={link.url} alt={document.fileName} redaction={redaction} />;
    case 'text':
      return <TextViewer url={link.url} />;
    case 'email':
      return <EmailViewer documentId={document.id} />;
    case 'audio':
      return (
        <div className="media-viewer">
          <audio controls preload="metadata" src={link.url} data-testid="audio-view" />
        </div>
      );
    case 'video':
      return (
        <div className="media-viewer">
          <video controls preload="metadata" src={link.url} data-testid="video-view" />
        </div>
      );
    default:
      return <UnsupportedFile document={document} onSave={onSave} saving={saving} />;
  }
}
