/**
 * Chilean pesos. CLP has no minor unit, so amounts are integers and are never shown with
 * decimals. Format is the one on every Chilean receipt: "$150.000" (dot thousands separator,
 * no space after the sign). Done by hand rather than Intl so Node (tests, exports) and
 * Chromium (UI) print the same bytes whatever ICU data they ship; the English UI shows the
 * same format, because the amounts are Chilean money on Chilean documents.
 */

const groupThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** 150000 → "$150.000"; -2500 → "-$2.500". Refuses non-integers instead of rounding silently. */
export function formatClp(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`CLP amounts are integers, got ${amount}`);
  const sign = amount < 0 ? '-' : '';
  return `${sign}$${groupThousands(String(Math.abs(amount)))}`;
}

/**
 * What a person typed in an amount field → integer pesos, or null.
 * Accepts "150000", "150.000", "$150.000", "$ 150.000", surrounding spaces. Refuses decimals
 * ("150,5"), misplaced dots and anything else, so "1.5" is never read as 15 pesos.
 */
export function parseClp(input: string): number | null {
  const match = /^\$?\s*(\d{1,3}(?:\.\d{3})+|\d+)$/.exec(input.trim());
  if (!match?.[1]) return null;
  const amount = Number(match[1].replaceAll('.', ''));
  return Number.isSafeInteger(amount) ? amount : null;
}
