import type { MessageKey } from '../../../../shared/i18n';
import { useI18n } from '../../i18n/i18n-context';
import './placeholder.css';

/** An honest placeholder for a section that a later feature fills: says what will be here. */
export function Placeholder({ title, body }: Readonly<{ title: MessageKey; body: MessageKey }>) {
  const { t } = useI18n();
  return (
    <section className="placeholder" data-testid="placeholder">
      <span className="placeholder-badge">{t('placeholder.badge')}</span>
      <h2 className="placeholder-title">{t(title)}</h2>
      <p className="placeholder-body">{t(body)}</p>
    </section>
  );
}
