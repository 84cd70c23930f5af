import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../../../shared/contract/errors';
import type { ChatMessage } from '../../../../../shared/contract/sync';
import type { MessageChannel, WritableChannel } from '../../../../../shared/platform/messages';
import { useMesa } from '../../../api/mesa-context';
import { byTime, upsertMessage } from './chat-model';

export interface ChatMessagesState {
  readonly messages: readonly ChatMessage[];
  readonly loading: boolean;
  readonly error: AppErrorShape | null;
  /** Saves the message locally (pending) and adds it to the list; the error when it could not be saved. */
  send(channel: WritableChannel, body: string): Promise<AppErrorShape | null>;
  retry(messageId: string): Promise<void>;
  reload(): void;
}

/** The messages of one channel of a case, reloaded whenever the core says that channel changed. */
export function useChatMessages(caseId: string, channel: MessageChannel): ChatMessagesState {
  const api = useMesa();
  const [messages, setMessages] = useState<readonly ChatMessage[]>([]);
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [revision, setRevision] = useState(0);
  const key = `${caseId}/${channel}`;

  useEffect(() => {
    let current = true;
    void api.listMessages({ caseId, channel }).then((result) => {
      if (!current) return;
      setLoadedFor(`${caseId}/${channel}`);
      if (result.ok) setMessages([...result.value].sort(byTime));
      setError(result.ok ? null : result.error);
    });
    return () => {
      current = false;
    };
  }, [api, caseId, channel, revision]);

  useEffect(
    () =>
      api.on('messagesChanged', (payload) => {
        if (payload.caseId === caseId && payload.channel === channel) setRevision((n) => n + 1);
      }),
    [api, caseId, channel],
  );

  const send = useCallback(
    async (target: WritableChannel, body: string) => {
      const result = await api.sendMessage({ caseId, channel: target, body });
      if (!result.ok) return result.error;
      if (target === channel) setMessages((prev) => upsertMessage(prev, result.value));
      return null;
    },
    [api, caseId, channel],
  );

  const retry = useCallback(
    async (messageId: string) => {
      const result = await api.retryMessage({ messageId });
      if (result.ok) setMessages((prev) => upsertMessage(prev, result.value));
      else setError(result.error);
    },
    [api],
  );

  const reload = useCallback(() => setRevision((n) => n + 1), []);
  const fresh = loadedFor === key;
  return { messages: fresh ? messages : [], loading: !fresh, error: fresh ? error : null, send, retry, reload };
}
