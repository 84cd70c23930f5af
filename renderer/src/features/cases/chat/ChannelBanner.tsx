import type { MessageChannel } from '../../../../../shared/platform/messages';
import { useI18n } from '../../../i18n/i18n-context';
import { channelScope } from './chat-model';

const icons = {
  // Open book: a record to read.
  history: 'M3 5.5c2.5-1 4.5-1 7 .5 2.5-1.5 4.5-1.5 7-.5v10c-2.5-1-4.5-1-7 .5-2.5-1.5-4.5-1.5-7-.5zM10 6v10',
  // Two people: everyone in the case reads it.
  shared: 'M7 9a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM2.5 16c.5-3 2.2-4.5 4.5-4.5s4 1.5 4.5 4.5M13.5 9a2 2 0 1 0 0-4M14 11.5c1.8.2 3 1.6 3.5 4.5',
  // Padlock: private to one party.
  private: 'M6 9V6.5a4 4 0 0 1 8 0V9M5 9h10v8H5z',
} as const;

/** Who can read the channel, always visible above its messages. */
export function ChannelBanner({ channel }: Readonly<{ channel: MessageChannel }>) {
  const { t } = useI18n();
  const scope = channelScope(channel);
  return (
    <p className={`chat-banner chat-banner-${scope}`} data-testid="chat-banner" data-scope={scope}>
      <svg viewBox="0 0 20 20" width="15" height="15" aria-hidden="true" focusable="false">
        <path d={icons[scope]} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span>{t(`messageChannel.${channel}.readers`)}</span>
    </p>
  );
}
