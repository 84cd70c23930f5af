import type { AppErrorShape } from '../../../shared/contract/errors';
import { errorMessage } from '../../../shared/i18n';
import { useI18n } from '../i18n/i18n-context';

type Props = Readonly<{
  error: Pick<AppErrorShape, 'code' | 'message'>;
  title?: string;
  onRetry?: () => void;
  retryLabel?: string;
  testId?: string;
  /** Replaces the generic text for the code when the caller knows more about the situation. */
  detail?: string;
}>;

/** A translated error: what happened and what to do, with an optional retry/reload action. */
export function ErrorNotice({ error, title, onRetry, retryLabel, testId, detail }: Props) {
  const i18n = useI18n();
  return (
    <div className="notice" role="alert" data-testid={testId ?? 'error-notice'} data-error-code={error.code}>
      <div className="notice-body">
        <p className="notice-title">{title ?? i18n.t('error.title')}</p>
        <p>{detail ?? errorMessage(i18n, error)}</p>
      </div>
      {onRetry ? (
        <div className="notice-actions">
          <button type="button" className="btn btn-sm" onClick={onRetry}>
            {retryLabel ?? i18n.t('app.retry')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
