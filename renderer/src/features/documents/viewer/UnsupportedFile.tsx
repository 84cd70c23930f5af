import type { DocumentView } from '../../../../../shared/contract/documents';
import { useI18n } from '../../../i18n/i18n-context';
import { formatBytes } from '../document-format';

/** A file Mesa never opens: its type and size, and a way to save a copy. */
export function UnsupportedFile({ document, onSave, saving }: Readonly<{ document: DocumentView; onSave: () => void; saving: boolean }>) {
  const { t, locale } = useI18n();
  return (
    <div className="viewer-unsupported" data-testid="viewer-unsupported">
      <p className="viewer-problem-title">{t('documents.viewer.unsupported')}</p>
      <p className="muted">
        {document.mediaType} · {formatBytes(document.sizeBytes, locale)}
      </p>
      <button type="button" className="btn btn-primary" onClick={onSave} disabled={saving} data-testid="viewer-save">
        {t('documents.save')}
      </button>
    </div>
  );
}
