import type { KeyboardEvent } from 'react';
import type { MessageChannel } from '../../../../../shared/platform/messages';
import { useI18n } from '../../../i18n/i18n-context';
import { channelOrder, channelScope } from './chat-model';

type Props = Readonly<{
  active: MessageChannel;
  unread: ReadonlySet<MessageChannel>;
  onSelect: (channel: MessageChannel) => void;
}>;

/** The four channels as tabs; arrow keys move between them (WAI-ARIA tabs pattern). */
export function ChatTabs({ active, unread, onSelect }: Props) {
  const { t } = useI18n();

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const index = channelOrder.indexOf(active);
    const next = channelOrder[(index + step + channelOrder.length) % channelOrder.length] ?? active;
    onSelect(next);
    event.currentTarget.querySelector<HTMLElement>(`[data-channel="${next}"]`)?.focus();
  };

  return (
    <div className="chat-tabs" role="tablist" aria-label={t('chat.tabs')} onKeyDown={onKeyDown}>
      {channelOrder.map((channel) => (
        <button
          key={channel}
          type="button"
          role="tab"
          id={`chat-tab-${channel}`}
          aria-selected={channel === active}
          aria-controls="chat-channel"
          tabIndex={channel === active ? 0 : -1}
          className={`chat-tab chat-tab-${channelScope(channel)}`}
          data-channel={channel}
          onClick={() => onSelect(channel)}
          data-testid={`chat-tab-${channel}`}
        >
          {t(`messageChannel.${channel}`)}
          {unread.has(channel) && channel !== active ? (
            <span className="chat-unread" role="img" aria-label={t('chat.unread')} />
          ) : null}
        </button>
      ))}
    </div>
  );
}
