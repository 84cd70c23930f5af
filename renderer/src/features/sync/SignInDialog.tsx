import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../../../shared/contract/errors';
import type { SyncErrorCode } from '../../../../shared/contract/sync';
import { errorMessage } from '../../../../shared/i18n';
import { useI18n } from '../../i18n/i18n-context';
import { useSync } from './sync-context';

/** What went wrong with a sign-in, as the form shows it. */
type Failure = { readonly kind: 'app'; readonly error: AppErrorShape } | { readonly kind: 'sync'; readonly code: SyncErrorCode };

/** Input the core refused before asking the platform (a malformed email): the same advice. */
const REJECTED: ReadonlySet<string> = new Set(['invalid_input']);

/** Email and password for the platform, in a modal <dialog>. Closes itself once signed in. */
export function SignInDialog({ onClose }: Readonly<{ onClose: () => void }>) {
  const i18n = useI18n();
  const { t } = i18n;
  const sync = useSync();
  const ref = useRef<HTMLDialogElement>(null);
  const [email, setEmail] = useState(sync.status?.accountEmail ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await sync.signIn(email.trim(), password);
    setBusy(false);
    if (!result.ok) return setFailure({ kind: 'app', error: result.error });
    // Signed in unless the engine answered with the status of a failed attempt.
    if (result.value.state === 'signed_out' || result.value.error?.code === 'unauthorized') {
      return setFailure(result.value.error ? { kind: 'sync', code: result.value.error.code } : { kind: 'sync', code: 'unauthorized' });
    }
    onClose();
  };

  const message =
    failure === null
      ? null
      : failure.kind === 'app'
        ? REJECTED.has(failure.error.code)
          ? t('signIn.rejected')
          : errorMessage(i18n, failure.error)
        : failure.code === 'unauthorized'
          ? t('signIn.rejected')
          : t(`syncError.${failure.code}`);

  return (
    <dialog
      ref={ref}
      className="dialog sign-in"
      aria-labelledby="sign-in-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={(event) => void submit(event)} data-testid="sign-in-form">
        <div className="dialog-body">
          <h2 className="dialog-title" id="sign-in-title">
            {t('signIn.title')}
          </h2>
          <p className="muted sign-in-intro">{t('signIn.intro')}</p>
          {sync.status?.serverUrl ? <p className="mono sign-in-server">{sync.status.serverUrl}</p> : null}
          <label className="form-field">
            <span>{t('signIn.email')}</span>
            <input
              className="input"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              autoFocus
              data-testid="sign-in-email"
            />
          </label>
          <label className="form-field">
            <span>{t('signIn.password')}</span>
            <input
              className="input"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              data-testid="sign-in-password"
            />
          </label>
          {message ? (
            <p className="sign-in-error" role="alert" data-testid="sign-in-error">
              {message}
            </p>
          ) : null}
        </div>
        <div className="dialog-footer">
          <button type="button" className="btn" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="sign-in-submit">
            {busy ? t('signIn.busy') : t('signIn.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
