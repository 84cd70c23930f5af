import { useI18n } from '../../../i18n/i18n-context';
import { refusalText } from '../refusal';

/** Why the viewer shows nothing: a refusal's words (hash mismatch, damaged PDF…) or a failed fetch. */
export function ViewerProblem({ reason, detail }: Readonly<{ reason: string | null; detail?: string }>) {
  const i18n = useI18n();
  const text = detail ?? refusalText(i18n, reason) ?? i18n.t('documents.viewer.fetchFailed');
  return (
    <div className="viewer-problem" role="alert" data-testid="viewer-problem" data-reason={reason ?? ''}>
      <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
        <path d="M12 3 2 20h20L12 3zm0 6v5m0 3v.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <p className="viewer-problem-title">{i18n.t('documents.viewer.cannotShow')}</p>
      <p>{text}</p>
    </div>
  );
}
