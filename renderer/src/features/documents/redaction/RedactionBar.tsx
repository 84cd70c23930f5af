import { useState } from 'react';
import type { DocumentView } from '../../../../../shared/contract/documents';
import type { AppErrorShape } from '../../../../../shared/contract/errors';
import { useMesa } from '../../../api/mesa-context';
import { useI18n } from '../../../i18n/i18n-context';
import { documentErrorText } from '../refusal';
import type { RedactionControls } from './use-redaction';

type Props = Readonly<{
  document: DocumentView;
  redaction: RedactionControls;
  onCreated: (copy: DocumentView) => void;
}>;

/** Below the viewer in "Tachar" mode: the rectangles drawn, and the button that burns them into a copy. */
export function RedactionBar({ document, redaction, onCreated }: Props) {
  const api = useMesa();
  const i18n = useI18n();
  const { t } = i18n;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const create = async () => {
    setBusy(true);
    const result = await api.redactDocument({ documentId: document.id, regions: [...redaction.regions] });
    setBusy(false);
    if (result.ok) onCreated(result.value);
    else setError(result.error);
  };

  return (
    <div className="redaction-bar" data-testid="redaction-bar">
      <div className="redaction-bar-text">
        <p className="redaction-bar-title">{redaction.regions.length === 0 ? t('documents.redact.hint') : i18n.plural('documents.redact.count', redaction.regions.length)}</p>
        <p className="muted">{t('documents.redact.explain')}</p>
        {error ? (
          <p className="redaction-error" role="alert" data-testid="redaction-error">
            {documentErrorText(i18n, error)}
          </p>
        ) : null}
      </div>
      {redaction.regions.length > 0 ? (
        <ul className="redaction-list" aria-label={t('documents.redact.listLabel')}>
          {redaction.regions.map((region, index) => (
            <li key={`${region.page}-${region.x}-${region.y}-${index}`}>
              {document.kind === 'pdf' ? t('documents.redact.regionOnPage', { page: region.page, index: index + 1 }) : t('documents.redact.region', { index: index + 1 })}
              <button type="button" className="btn btn-sm btn-ghost" onClick={() => redaction.remove(region)}>
                {t('documents.redact.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="redaction-bar-actions">
        <button type="button" className="btn btn-sm" onClick={() => redaction.setActive(false)}>
          {t('app.cancel')}
        </button>
        <button type="button" className="btn btn-sm btn-primary" onClick={() => void create()} disabled={busy || redaction.regions.length === 0} data-testid="redact-create">
          {t('documents.redact.create')}
        </button>
      </div>
    </div>
  );
}
