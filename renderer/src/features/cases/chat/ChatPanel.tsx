import { useEffect, useState } from 'react';
import type { Stage } from '../../../../../shared/domain/case';
import type { MessageChannel } from '../../../../../shared/platform/messages';
import { useMesa } from '../../../api/mesa-context';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { useSync } from '../../sync/sync-context';
import { ChannelBanner } from './ChannelBanner';
import { ChatTabs } from './ChatTabs';
import { Composer } from './Composer';
import { MessageList } from './MessageList';
import { useChatMessages } from './use-chat-messages';
import './chat.css';

type Props = Readonly<{ caseId: string; stage: Stage; readOnly?: boolean }>;

function ChannelView({ caseId, channel, stage, readOnly }: Readonly<{ caseId: string; channel: MessageChannel; stage: Stage; readOnly: boolean }>) {
  const { t } = useI18n();
  const chat = useChatMessages(caseId, channel);
  const { status } = useSync();
  return (
    <div className="chat-channel" role="tabpanel" id="chat-channel" aria-labelledby={`chat-tab-${channel}`} data-channel={channel}>
      <ChannelBanner channel={channel} />
      {chat.error ? (
        <div className="chat-error">
          <ErrorNotice error={chat.error} title={t('chat.loadError')} onRetry={chat.reload} testId="chat-error" />
        </div>
      ) : null}
      {chat.loading ? (
        <div className="chat-loading" aria-busy="true">
          <div className="spinner" />
        </div>
      ) : (
        <MessageList messages={chat.messages} onRetry={chat.retry} emptyText={t('chat.empty')} />
      )}
      <Composer channel={channel} stage={stage} platformConfigured={status?.serverUrl !== null} readOnly={readOnly} onSend={chat.send} />
    </div>
  );
}

/** The case's conversations: negotiation history, joint mediation and one caucus per party. */
export function ChatPanel({ caseId, stage, readOnly = false }: Props) {
  const api = useMesa();
  const { t } = useI18n();
  const [channel, setChannel] = useState<MessageChannel>(stage === 'negotiation' || stage === 'new' ? 'negotiation' : 'joint');
  const [unread, setUnread] = useState<ReadonlySet<MessageChannel>>(new Set());

  // A message in another channel marks its tab until the mediator opens it.
  useEffect(
    () =>
      api.on('messagesChanged', (payload) => {
        if (payload.caseId === caseId) setUnread((prev) => (prev.has(payload.channel) ? prev : new Set([...prev, payload.channel])));
      }),
    [api, caseId],
  );

  const select = (next: MessageChannel) => {
    setChannel(next);
    // Both the channel left (read while open) and the one opened are now read.
    setUnread((prev) => new Set([...prev].filter((c) => c !== next && c !== channel)));
  };

  return (
    <section className="panel chat" aria-label={t('chat.title')} data-testid="chat">
      <ChatTabs active={channel} unread={unread} onSelect={select} />
      <ChannelView key={channel} caseId={caseId} channel={channel} stage={stage} readOnly={readOnly} />
    </section>
  );
}
