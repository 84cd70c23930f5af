import { useI18n } from '../i18n/i18n-context';
import { NavIcon } from './NavIcon';
import { sections, type SectionId } from './sections';

type Props = Readonly<{ current: SectionId; onSelect: (id: SectionId) => void; version: string }>;

export function Sidebar({ current, onSelect, version }: Props) {
  const { t } = useI18n();
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          M
        </span>
        <span className="brand-text">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </span>
      </div>
      <nav aria-label={t('nav.label')}>
        <ul className="nav-list">
          {sections.map((section) => (
            <li key={section.id}>
              <button
                type="button"
                className="nav-item"
                aria-current={section.id === current ? 'page' : undefined}
                onClick={() => onSelect(section.id)}
                data-testid={`nav-${section.id}`}
              >
                <NavIcon section={section.id} />
                <span className="nav-label">{t(section.label)}</span>
                {section.placeholder ? <span className="nav-soon">{t('placeholder.badge')}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <p className="sidebar-footer">{t('header.version', { version })}</p>
    </aside>
  );
}
