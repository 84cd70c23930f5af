import type { AgendaDeadline } from '../../../../shared/contract/schedule';

/**
 * The "Plazos" row above the grid: one cell per day, a few markers each. A busy day must not
 * push the hours off the screen, so a cell shows at most DEADLINES_PER_DAY markers, the most
 * urgent first, and says how many more there are (the full list opens from there).
 */

export const DEADLINES_PER_DAY = 3;

const urgency: Readonly<Record<AgendaDeadline['state'], number>> = { overdue: 0, due_soon: 1, on_track: 2, none: 3 };

/** Overdue first, then due soon, then the rest; within each, the earliest due time first. */
export function byUrgency<T extends Pick<AgendaDeadline, 'id' | 'state' | 'dueAt'>>(deadlines: readonly T[]): readonly T[] {
  return [...deadlines].sort((a, b) => urgency[a.state] - urgency[b.state] || Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.id.localeCompare(b.id));
}

/** The markers a day cell shows and how many it leaves for the "+N" button. */
export function deadlineCell<T extends Pick<AgendaDeadline, 'id' | 'state' | 'dueAt'>>(
  deadlines: readonly T[],
  max: number = DEADLINES_PER_DAY,
): { readonly all: readonly T[]; readonly shown: readonly T[]; readonly hidden: number } {
  const all = byUrgency(deadlines);
  const shown = all.slice(0, max);
  return { all, shown, hidden: all.length - shown.length };
}
