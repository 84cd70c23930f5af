import { useEffect, useRef, useState } from 'react';
import { syncSummary, type SyncTone } from '../../../../shared/i18n';
import { useNow } from '../../hooks/use-now';
import { useI18n } from '../../i18n/i18n-context';
import { SignInDialog } from './SignInDialog';
import { SyncDetails } from './SyncDetails';
import { useSync } from './sync-context';
import './sync.css';

/**
 * The header's compact sync state: a dot and one line. A click opens the details (or, signed
 * out, the sign-in form); Escape or a click elsewhere closes them.
 */
export function SyncIndicator() {
  const i18n = useI18n();
  const { status, error } = useSync();
  const nowIso = useNow(30_000).toISOString();
  const [open, setOpen] = useState(false);
  const [signingIn, setSigningIn] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const summary: { tone: SyncTone; text: string } = status
    ? syncSummary(i18n, status, nowIso)
    : { tone: error ? 'neutral' : 'busy', text: error ? i18n.t('sync.unavailable') : i18n.t('app.loading') };
  const pending = status && status.state !== 'idle' && status.pendingWrites > 0 ? status.pendingWrites : 0;

  return (
    <div className="sync" ref={rootRef}>
      <button
        type="button"
        className={`sync-indicator sync-tone-${summary.tone}`}
        aria-label={`${i18n.t('sync.indicator.label')}: ${summary.text}${pending > 0 ? ` · ${i18n.plural('sync.pendingBadge', pending)}` : ''}`}
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => (status?.state === 'signed_out' && status.serverUrl !== null ? setSigningIn(true) : setOpen((v) => !v))}
        data-testid="sync-indicator"
        data-state={status?.state ?? 'unknown'}
      >
        <span className="sync-dot" aria-hidden="true" />
        <span className="sync-text num">{summary.text}</span>
        {pending > 0 ? <span className="sync-pending num" title={i18n.plural('sync.pendingBadge', pending)}>
            {i18n.formatNumber(pending)}
          </span> : null}
      </button>
      {open ? (
        <SyncDetails
          onSignIn={() => {
            setOpen(false);
            setSigningIn(true);
          }}
        />
      ) : null}
      {signingIn ? <SignInDialog onClose={() => setSigningIn(false)} /> : null}
    </div>
  );
}
