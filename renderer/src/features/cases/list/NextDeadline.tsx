import type { DeadlineKind } from '../../../../../shared/domain/deadline';
import { deadlineState, remainingTime } from '../../../../../shared/domain/deadlines';
import { countdownText } from '../../../../../shared/i18n';
import { useI18n } from '../../../i18n/i18n-context';
import { formatDateTime } from '../../../format';

type Props = Readonly<{ kind: DeadlineKind | null; dueAt: string | null; nowIso: string }>;

/** The list's next open deadline: coloured by state (overdue red, due soon amber), coarse countdown. */
export function NextDeadline({ kind, dueAt, nowIso }: Props) {
  const i18n = useI18n();
  if (!dueAt) return <span className="deadline deadline-none">{i18n.t('deadlineState.none')}</span>;
  const state = deadlineState(dueAt, 'open', nowIso);
  const text = countdownText(i18n, remainingTime(dueAt, nowIso), 'coarse');
  const title = [kind ? i18n.t(`deadlineKind.${kind}`) : null, i18n.t('deadlines.due', { date: formatDateTime(dueAt, i18n.locale) })].filter(Boolean).join(' · ');
  return (
    <span className={`deadline deadline-${state}`} title={title} data-deadline-state={state}>
      <span className="dot" aria-hidden="true" />
      <span className="deadline-text">{text}</span>
    </span>
  );
}
