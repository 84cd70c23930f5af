import type { Mediator } from '../../../shared/domain/people';
import type { MessageKey } from '../../../shared/i18n';
import { useI18n } from '../i18n/i18n-context';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { LanguageSwitch } from './LanguageSwitch';

type Props = Readonly<{ user: Mediator; sectionLabel: MessageKey }>;

const initialsOf = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');

export function Header({ user, sectionLabel }: Props) {
  const { t } = useI18n();
  return (
    <header className="header">
      <h1 className="header-title">{t(sectionLabel)}</h1>
      <div className="header-tools">
        <SyncIndicator />
        <LanguageSwitch />
        <div className="user" aria-label={t('header.user')} data-testid="current-user">
          <span className="avatar" aria-hidden="true">
            {initialsOf(user.name)}
          </span>
          <span className="user-text">
            <span className="user-name">{user.name}</span>
            <span className="user-role">{t(`userRole.${user.role}`)}</span>
          </span>
        </div>
      </div>
    </header>
  );
}
