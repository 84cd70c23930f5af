import type { AgreementOverview, AgreementOverviewRow, AgreementOverviewState } from '../../../../shared/contract/agreements';
import { epochDay } from '../../../../shared/domain/zoned-day';
import type { Translator } from '../../../../shared/i18n';

export type AgreementChip = 'all' | 'attention' | 'drafting' | 'awaiting' | 'fulfilment' | 'finished';

/** Each filter chip and the states it shows ('all': every state). */
export const AGREEMENT_CHIPS: readonly { readonly id: AgreementChip; readonly states: readonly AgreementOverviewState[] }[] = [
  { id: 'all', states: [] },
  { id: 'attention', states: ['ready_to_close', 'decision_received', 'fulfilment_overdue', 'fulfilment_due_soon', 'rejected', 'send_failed'] },
  { id: 'drafting', states: ['draft'] },
  { id: 'awaiting', states: ['awaiting_parties'] },
  { id: 'fulfilment', states: ['fulfilment_overdue', 'fulfilment_due_soon', 'fulfilment_pending'] },
  { id: 'finished', states: ['fulfilled', 'not_fulfilled', 'closed'] },
];

export const chipCount = (counts: AgreementOverview['counts'], states: readonly AgreementOverviewState[]): number =>
  (states.length === 0 ? (Object.keys(counts) as AgreementOverviewState[]) : states).reduce((sum, state) => sum + counts[state], 0);

/** How the state pill looks: what needs the mediator in warm colours, the quiet states grey. */
export function stateTone(state: AgreementOverviewState): 'danger' | 'warning' | 'success' | 'accent' | 'muted' {
  switch (state) {
    case 'fulfilment_overdue':
    case 'rejected':
    case 'send_failed':
    case 'not_fulfilled':
      return 'danger';
    case 'fulfilment_due_soon':
      return 'warning';
    case 'ready_to_close':
    case 'decision_received':
      return 'accent';
    case 'fulfilled':
      return 'success';
    default:
      return 'muted';
  }
}

/** "vence en 3 días" / "vencido hace 2 días" for a pending fulfilment (dates in America/Santiago); null once recorded. */
export function dueText(fulfilment: NonNullable<AgreementOverviewRow['fulfilment']>, today: string, i18n: Translator): string | null {
  if (fulfilment.status !== 'pending') return null;
  const days = epochDay(fulfilment.dueDate) - epochDay(today);
  if (days === 0) return i18n.t('agreements.overview.dueToday');
  return days > 0 ? i18n.plural('agreements.overview.dueIn', days) : i18n.plural('agreements.overview.overdue', -days);
}
