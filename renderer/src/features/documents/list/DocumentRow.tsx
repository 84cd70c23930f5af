import { useState } from 'react';
import type { DocumentView } from '../../../../../shared/contract/documents';
import type { AppErrorShape } from '../../../../../shared/contract/errors';
import { useMesa } from '../../../api/mesa-context';
import { useI18n } from '../../../i18n/i18n-context';
import { documentErrorText, refusalText } from '../refusal';
import { DocumentMeta } from './DocumentMeta';
import { KindIcon } from './KindIcon';

type Props = Readonly<{
  document: DocumentView;
  copies: readonly DocumentView[];
  onOpen: (documentId: string, options?: { custody?: boolean }) => void;
}>;

/** One document: what it is, who sees it, whether its bytes are here and intact, and its links. */
export function DocumentRow({ document: doc, copies, onOpen }: Props) {
  const api = useMesa();
  const i18n = useI18n();
  const { t } = i18n;
  const [downloading, setDownloading] = useState(false);
  const [retrying, setRetrying] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const download = async () => {
    setDownloading(true);
    const result = await api.downloadDocument({ documentId: doc.id });
    setDownloading(false);
    setError(result.ok ? null : result.error);
  };

  // The list reloads on documentsChanged: the row then shows 'Pendiente de envío'.
  const retryUpload = async () => {
    setRetrying(true);
    const result = await api.retryDocumentUpload({ documentId: doc.id });
    setRetrying(false);
    setError(result.ok ? null : result.error);
  };

  const copy = copies[0];
  return (
    <li className="doc-row" data-testid="document-row" data-document-id={doc.id} data-kind={doc.kind} data-availability={doc.availability}>
      <KindIcon kind={doc.kind} />
      <div className="doc-main">
        <button type="button" className="doc-name" onClick={() => onOpen(doc.id)} title={doc.fileName} data-testid="document-open">
          {doc.fileName}
        </button>
        <DocumentMeta document={doc} />
        <div className="doc-links">
          {doc.redactedFrom ? (
            <button type="button" className="link-btn" onClick={() => doc.redactedFrom && onOpen(doc.redactedFrom)} data-testid="document-original">
              {t('documents.redact.original')}
            </button>
          ) : null}
          {copy ? (
            <button type="button" className="link-btn" onClick={() => onOpen(copy.id)} data-testid="document-redacted-link">
              {t('documents.redact.version')}
            </button>
          ) : null}
          <button type="button" className="link-btn" onClick={() => onOpen(doc.id, { custody: true })} data-testid="document-custody">
            {t('documents.custody.title')}
          </button>
        </div>
      </div>
      <div className="doc-badges">
        <span className={`badge vis-${doc.visibility}`} title={t(`documentVisibility.${doc.visibility}`)} data-testid="document-visibility">
          {t(`documents.visibilityShort.${doc.visibility}`)}
        </span>
        {doc.source === 'redaction' ? <span className="badge badge-redacted" data-testid="document-redacted-badge">{t('documents.redact.badge')}</span> : null}
        {doc.integrity === 'ok' ? (
          <span className="badge badge-ok" title={t('documents.integrity.okHint')} data-testid="document-integrity">
            ✓ {t('documentIntegrity.ok')}
          </span>
        ) : doc.integrity === 'mismatch' ? (
          <span className="badge badge-bad" data-testid="document-integrity">
            {t('documentIntegrity.mismatch')}
          </span>
        ) : null}
        {doc.upload === 'pending' || doc.upload === 'failed' ? (
          <span className={doc.upload === 'failed' ? 'badge badge-bad' : 'badge badge-wait'} data-testid="document-upload">
            {t(`documentUpload.${doc.upload}`)}
          </span>
        ) : null}
      </div>
      <div className="doc-state">
        {doc.availability === 'remote' ? (
          <button type="button" className="btn btn-sm" onClick={() => void download()} disabled={downloading} title={t('documentAvailability.remote')} data-testid="document-download">
            {downloading ? <span className="spinner spinner-sm" /> : null}
            {t('documents.download')}
          </button>
        ) : doc.availability === 'failed' ? (
          <div className="doc-failed" role="status">
            <span>{t('documentAvailability.failed')}</span>
            {doc.problem ? <span className="muted">{refusalText(i18n, doc.problem)}</span> : null}
            <button type="button" className="btn btn-sm" onClick={() => void download()} disabled={downloading}>
              {t('app.retry')}
            </button>
          </div>
        ) : (
          <span className="muted doc-local">{t('documentAvailability.local')}</span>
        )}
        {doc.upload === 'failed' ? (
          <div className="doc-failed" role="status" data-testid="document-upload-failed">
            {doc.uploadProblem ? <span className="muted" data-testid="document-upload-problem">{t(`documentUploadProblem.${doc.uploadProblem}`)}</span> : null}
            <button type="button" className="btn btn-sm" onClick={() => void retryUpload()} disabled={retrying} data-testid="document-upload-retry">
              {retrying ? <span className="spinner spinner-sm" /> : null}
              {t('documents.uploadRetry')}
            </button>
          </div>
        ) : null}
        {doc.problem && doc.availability !== 'failed' ? (
          <span className="doc-problem" data-testid="document-problem">
            {refusalText(i18n, doc.problem)}
          </span>
        ) : null}
        {error ? (
          <span className="doc-error" role="alert">
            {documentErrorText(i18n, error)}
          </span>
        ) : null}
      </div>
    </li>
  );
}
