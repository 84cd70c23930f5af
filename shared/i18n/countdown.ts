import type { RemainingTime } from '../domain/deadlines';
import type { PluralBase, Translator } from './translator';

type Unit = Extract<PluralBase, `time.${string}`>;

/**
 * Words for a countdown from the domain's `remainingTime` parts. `coarse` gives the largest unit
 * only (for the list, refreshed every minute); `fine` gives two units (for the live case view).
 */
export function countdownText(i18n: Translator, remaining: RemainingTime, precision: 'coarse' | 'fine'): string {
  const parts: readonly (readonly [Unit, number])[] = [
    ['time.days', remaining.days],
    ['time.hours', remaining.hours],
    ['time.minutes', remaining.minutes],
    ['time.seconds', remaining.seconds],
  ];
  const firstNonZero = parts.findIndex(([, value]) => value > 0);
  const start = firstNonZero === -1 ? parts.length - 1 : firstNonZero;
  const [unit, value] = parts[start] ?? ['time.seconds', 0];
  const text = i18n.plural(unit, value);
  const [nextUnit, nextValue] = parts[start + 1] ?? ['time.seconds', 0];
  if (precision === 'coarse' || nextValue === 0) {
    return i18n.t(remaining.overdue ? 'deadlines.overdueBy' : 'deadlines.remaining', { time: text });
  }
  const both = i18n.t('time.join', { a: text, b: i18n.plural(nextUnit, nextValue) });
  return i18n.t(remaining.overdue ? 'deadlines.overdueBy' : 'deadlines.remaining', { time: both });
}
