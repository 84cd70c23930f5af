import { useState } from 'react';
import type { SyncConflict } from '../../../../../shared/contract/sync';
import { isLabelKey } from '../../../../../shared/i18n';
import { useI18n } from '../../../i18n/i18n-context';
import { formatDateTime } from '../../../format';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import type { ConflictResolution, ConflictsState } from './use-conflicts';

function ConflictItem({ conflict, onResolve }: Readonly<{ conflict: SyncConflict; onResolve: (id: string, r: ConflictResolution) => Promise<boolean> }>) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  // The platform's codes are labelled when known; an unknown one (a newer platform) shows as-is.
  const labelOr = (key: string, raw: string): string => (isLabelKey(key) ? t(key) : raw);
  const mine = t(`transition.${conflict.mine.type}`);
  const stage = labelOr(`stage.${conflict.theirs.stage}`, conflict.theirs.stage);
  const sub = conflict.theirs.subState ? labelOr(`subState.${conflict.theirs.subState}`, conflict.theirs.subState) : null;
  const run = async (resolution: ConflictResolution) => {
    setBusy(true);
    await onResolve(conflict.id, resolution);
    setBusy(false);
  };
  return (
    <li className="conflict" data-testid="conflict" data-conflict-id={conflict.id}>
      <p className="conflict-title">{t('conflict.title')}</p>
      <p>{t('conflict.body', { mine, theirs: sub ? `${stage} · ${sub}` : stage })}</p>
      <p className="conflict-help">{t('conflict.help')}</p>
      <div className="conflict-actions">
        <span className="conflict-meta num">{t('conflict.detectedAt', { date: formatDateTime(conflict.detectedAt, locale) })}</span>
        <button type="button" className="btn btn-sm" disabled={busy} onClick={() => void run('accept_platform')} data-testid="conflict-accept-platform">
          {t('conflictResolution.accept_platform')}
        </button>
        <button type="button" className="btn btn-sm btn-primary" disabled={busy} onClick={() => void run('propose_again')} data-testid="conflict-propose-again">
          {t('conflictResolution.propose_again')}
        </button>
      </div>
    </li>
  );
}

/** Stage changes the platform refused: shown calmly, with both ways forward. */
export function ConflictNotice({ state }: Readonly<{ state: ConflictsState }>) {
  if (state.conflicts.length === 0 && !state.error) return null;
  return (
    <div className="case-notices">
      {state.error ? <ErrorNotice error={state.error} testId="conflict-error" /> : null}
      <ul className="conflicts">
        {state.conflicts.map((conflict) => (
          <ConflictItem key={conflict.id} conflict={conflict} onResolve={state.resolve} />
        ))}
      </ul>
    </div>
  );
}
