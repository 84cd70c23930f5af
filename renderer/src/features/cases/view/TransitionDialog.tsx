import { useState } from 'react';
import type { Outcome } from '../../../../../shared/domain/case';
import type { ReopenReason, Transition, TransitionType } from '../../../../../shared/domain/transition';
import { useI18n } from '../../../i18n/i18n-context';
import { Dialog } from '../../../ui/Dialog';

type Props = Readonly<{
  type: TransitionType;
  /** The concrete transitions of this type the stage machine allows now. */
  options: readonly Transition[];
  busy: boolean;
  onConfirm: (transition: Transition) => void;
  onCancel: () => void;
}>;

type Choice = Outcome | ReopenReason;

const choiceOf = (transition: Transition): Choice | null =>
  transition.type === 'close' ? transition.outcome : transition.type === 'reopen' ? transition.reason : null;

/** Confirms a transition; `close` asks for the outcome and `reopen` for the reason. */
export function TransitionDialog({ type, options, busy, onConfirm, onCancel }: Props) {
  const { t } = useI18n();
  const [choice, setChoice] = useState<Choice | null>(null);
  const needsChoice = type === 'close' || type === 'reopen';
  const chosen = needsChoice ? options.find((o) => choiceOf(o) === choice) : options[0];
  const action = t(`transition.${type}`);
  const title = type === 'close' ? t('actions.close.title') : type === 'reopen' ? t('actions.reopen.title') : t('actions.confirm.title', { action });

  return (
    <Dialog
      title={title}
      confirmLabel={action}
      cancelLabel={t('app.cancel')}
      confirmDisabled={!chosen}
      busy={busy}
      danger={type === 'close'}
      onConfirm={() => chosen && onConfirm(chosen)}
      onCancel={onCancel}
      testId="transition-dialog"
    >
      {needsChoice ? (
        <fieldset className="radio-fieldset">
          <legend>{type === 'close' ? t('actions.close.prompt') : t('actions.reopen.prompt')}</legend>
          <div className="radio-list">
            {options.map((option) => {
              const value = choiceOf(option);
              if (value === null) return null;
              const label = option.type === 'close' ? t(`outcome.${option.outcome}`) : option.type === 'reopen' ? t(`reopenReason.${option.reason}`) : '';
              return (
                <label key={value} className="radio-option">
                  <input type="radio" name="transition-choice" value={value} checked={choice === value} onChange={() => setChoice(value)} data-testid={`choice-${value}`} />
                  {label}
                </label>
              );
            })}
          </div>
        </fieldset>
      ) : null}
    </Dialog>
  );
}
