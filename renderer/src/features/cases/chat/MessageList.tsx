import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ChatMessage } from '../../../../../shared/contract/sync';
import { useNow } from '../../../hooks/use-now';
import { useI18n } from '../../../i18n/i18n-context';
import { formatLocalDate } from '../../../format';
import { groupByDay, isAtBottom, isOwn, type DayGroup } from './chat-model';
import { MessageItem } from './MessageItem';

type Props = Readonly<{
  messages: readonly ChatMessage[];
  onRetry: (messageId: string) => Promise<void>;
  /** What to show when the channel has no messages. */
  emptyText: string;
}>;

function DayLabel({ group }: Readonly<{ group: DayGroup }>) {
  const { t, locale } = useI18n();
  const date = formatLocalDate(group.day, locale, 'text');
  const text = group.relative === 'today' ? `${t('chat.today')} · ${date}` : group.relative === 'yesterday' ? `${t('chat.yesterday')} · ${date}` : date;
  return (
    <li className="chat-day" role="presentation">
      <span className="chat-day-label num">{text}</span>
    </li>
  );
}

/**
 * Messages grouped by Santiago day. Follows new messages only when the reader is already at the
 * bottom (or just sent one); otherwise a "new messages" button offers the jump.
 */
export function MessageList({ messages, onRetry, emptyText }: Props) {
  const { t } = useI18n();
  const nowIso = useNow(60_000).toISOString();
  const groups = useMemo(() => groupByDay(messages, nowIso), [messages, nowIso]);
  const scroller = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const lastId = useRef<string | null>(null);
  const [newBelow, setNewBelow] = useState(false);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const last = messages.at(-1);
    const justSent = last !== undefined && last.id !== lastId.current && isOwn(last) && last.delivery === 'pending';
    const arrived = last !== undefined && last.id !== lastId.current;
    lastId.current = last?.id ?? null;
    if (following.current || justSent) {
      el.scrollTop = el.scrollHeight;
      following.current = true;
    }
    setNewBelow(arrived && !isAtBottom(el));
  }, [messages]);

  const toBottom = () => {
    const el = scroller.current;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    following.current = true;
    setNewBelow(false);
  };

  return (
    <div className="chat-scroll-wrap">
      <div
        ref={scroller}
        className="chat-scroll"
        data-testid="chat-messages"
        onScroll={(event) => {
          following.current = isAtBottom(event.currentTarget);
          if (following.current) setNewBelow(false);
        }}
      >
        {messages.length === 0 ? (
          <p className="chat-empty muted">{emptyText}</p>
        ) : (
          <ol className="chat-list" aria-live="polite" aria-relevant="additions">
            {groups.map((group) => (
              <DayGroupItems key={group.day} group={group} onRetry={onRetry} />
            ))}
          </ol>
        )}
      </div>
      {newBelow ? (
        <button type="button" className="chat-new-below" onClick={toBottom} data-testid="chat-new-below">
          {t('chat.newBelow')}
        </button>
      ) : null}
    </div>
  );
}

function DayGroupItems({ group, onRetry }: Readonly<{ group: DayGroup; onRetry: (messageId: string) => Promise<void> }>) {
  return (
    <>
      <DayLabel group={group} />
      {group.messages.map((message) => (
        <MessageItem key={message.clientId ?? message.id} message={message} onRetry={onRetry} />
      ))}
    </>
  );
}
