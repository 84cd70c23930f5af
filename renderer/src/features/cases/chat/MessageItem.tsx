import { useState } from 'react';
import type { ChatMessage } from '../../../../../shared/contract/sync';
import { useI18n } from '../../../i18n/i18n-context';
import { formatTime } from '../../../format';
import { isOwn } from './chat-model';

type Props = Readonly<{ message: ChatMessage; onRetry: (messageId: string) => Promise<void> }>;

const deliveryIcon = { pending: '◷', sent: '✓', failed: '!' } as const;

/** Pendiente / Enviado / No enviado (+ why, + Reintentar) under the mediator's own message. */
function Delivery({ message, onRetry }: Props) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const label = t(`delivery.${message.delivery}`);
  return (
    <div className={`msg-delivery msg-delivery-${message.delivery}`}>
      <span data-testid="chat-message-delivery" data-delivery={message.delivery} title={message.failure ? t(`syncError.${message.failure}`) : undefined}>
        <span className="msg-delivery-icon" aria-hidden="true">
          {deliveryIcon[message.delivery]}
        </span>
        {message.delivery === 'failed' && message.failure ? t('chat.failedBecause', { reason: t(`syncErrorShort.${message.failure}`) }) : label}
      </span>
      {message.delivery === 'failed' ? (
        <button
          type="button"
          className="btn btn-sm"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            await onRetry(message.id);
            setBusy(false);
          }}
          data-testid="chat-retry"
        >
          {t('chat.retry')}
        </button>
      ) : null}
    </div>
  );
}

/** One message. The body is plain text in a text node (never HTML); CSS keeps its line breaks. */
export function MessageItem({ message, onRetry }: Props) {
  const { t } = useI18n();
  const own = isOwn(message);
  const kind = message.authorRole === 'platform' ? 'msg-system' : own ? 'msg-own' : 'msg-other';
  return (
    <li className={`msg ${kind} msg-role-${message.authorRole}`} data-testid="chat-message" data-own={own || undefined}>
      <div className="msg-meta">
        <span className="msg-author">{message.authorName}</span>
        <span className="msg-role">{t(`authorRole.${message.authorRole}`)}</span>
        <time className="msg-time num" dateTime={message.sentAt}>
          {formatTime(message.sentAt)}
        </time>
      </div>
      <p className="msg-body">{message.body}</p>
      {own ? <Delivery message={message} onRetry={onRetry} /> : null}
    </li>
  );
}
