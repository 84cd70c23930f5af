import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { AppErrorShape } from '../../../../../shared/contract/errors';
import type { Stage } from '../../../../../shared/domain/case';
import type { MessageChannel, WritableChannel } from '../../../../../shared/platform/messages';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { composerBlock, type ComposerBlock } from './chat-model';

type Props = Readonly<{
  channel: MessageChannel;
  stage: Stage;
  platformConfigured: boolean;
  /** The case left the mediator's caseload (or they declined it). */
  readOnly?: boolean;
  onSend: (channel: WritableChannel, body: string) => Promise<AppErrorShape | null>;
}>;

const MAX_LENGTH = 10_000;

/** Enter sends, Shift+Enter breaks the line. Closed (with the reason) where the mediator may not write. */
export function Composer({ channel, stage, platformConfigured, readOnly = false, onSend }: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const block = composerBlock(channel, stage, platformConfigured, readOnly);
  const disabled = block !== null;

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (disabled || channel === 'negotiation' || busy || draft.trim() === '') return;
    setBusy(true);
    const failure = await onSend(channel, draft);
    setBusy(false);
    setError(failure);
    if (!failure) setDraft('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  };

  const reasons: Record<NonNullable<ComposerBlock>, () => string> = {
    negotiation: () => t('chat.readOnly.negotiation'),
    unassigned: () => t('chat.readOnly.unassigned'),
    stage: () => t('chat.readOnly.stage', { stage: t(`stage.${stage}`) }),
    no_platform: () => t('chat.readOnly.noPlatform'),
  };
  const reason = block === null ? null : reasons[block]();

  return (
    <form className="chat-composer" onSubmit={(event) => void submit(event)} data-testid="chat-composer">
      {error ? <ErrorNotice error={error} title={t('chat.sendError')} testId="chat-send-error" /> : null}
      {reason ? (
        <p className="chat-composer-closed" data-testid="chat-composer-closed">
          {reason}
        </p>
      ) : null}
      <div className="chat-composer-row">
        <textarea
          className="textarea chat-input"
          rows={2}
          value={draft}
          maxLength={MAX_LENGTH}
          disabled={disabled}
          placeholder={disabled ? '' : t('chat.placeholder', { channel: t(`messageChannel.${channel}`) })}
          aria-label={t('chat.placeholder', { channel: t(`messageChannel.${channel}`) })}
          aria-describedby={reason ? undefined : 'chat-hint'}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          data-testid="chat-input"
        />
        <button type="submit" className="btn btn-primary chat-send" disabled={disabled || busy || draft.trim() === ''} data-testid="chat-send">
          {t('chat.send')}
        </button>
      </div>
      {reason ? null : (
        <p className="chat-hint" id="chat-hint">
          {t('chat.hint')}
        </p>
      )}
    </form>
  );
}
