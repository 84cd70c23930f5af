import type { DocumentKind } from '../../../../../shared/contract/documents';
import { useI18n } from '../../../i18n/i18n-context';

const MARK: Readonly<Record<DocumentKind, string>> = { pdf: 'PDF', image: 'IMG', text: 'TXT', email: 'EML', audio: 'AUD', video: 'VID', other: '···' };

/** A small coloured tile naming the kind of file; its label is read out, the letters are not. */
export function KindIcon({ kind }: Readonly<{ kind: DocumentKind }>) {
  const { t } = useI18n();
  return (
    <span className={`kind-icon kind-${kind}`} role="img" aria-label={t(`documentKind.${kind}`)} title={t(`documentKind.${kind}`)}>
      <span aria-hidden="true">{MARK[kind]}</span>
    </span>
  );
}
