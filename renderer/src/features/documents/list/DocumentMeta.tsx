import type { DocumentView } from '../../../../../shared/contract/documents';
import { formatDateTime } from '../../../format';
import { useI18n } from '../../../i18n/i18n-context';
import { formatBytes } from '../document-format';
import { submitterLabel } from './labels';

/** "Boleta · Reclamante · 21-11-2026 14:32 · 1,2 MB": one quiet line under a document's name. */
export function DocumentMeta({ document }: Readonly<{ document: DocumentView }>) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  return (
    <p className="doc-meta">
      <span>{t(`documentCategory.${document.category}`)}</span>
      <span>{submitterLabel(i18n, document.submittedBy)}</span>
      <time dateTime={document.receivedAt}>{formatDateTime(document.receivedAt, locale)}</time>
      <span className="num">{formatBytes(document.sizeBytes, locale)}</span>
    </p>
  );
}
