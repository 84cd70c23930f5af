import { performance } from 'node:perf_hooks';

/** The p-th percentile (0..100) of samples, nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Runs `fn` once per item, after one warm-up pass over the first few, and returns the times in ms. */
export async function timeEach<T>(items: readonly T[], fn: (item: T) => Promise<unknown>): Promise<number[]> {
  for (const item of items.slice(0, 5)) await fn(item);
  const times: number[] = [];
  for (const item of items) {
    const start = performance.now();
    await fn(item);
    times.push(performance.now() - start);
  }
  return times;
}

export const ms = (value: number): string => `${value.toFixed(2)} ms`;

/** One line of the report: figure, target, and the ratio figure/target (≤ 1 meets it). */
export function report(label: string, value: number, unit: string, target?: { max?: number; min?: number }): void {
  let verdict = '';
  if (target?.max !== undefined) verdict = `target < ${target.max} ${unit}, ratio ${(value / target.max).toFixed(2)} ${value < target.max ? 'OK' : 'MISSED'}`;
  if (target?.min !== undefined) verdict = `target ≥ ${target.min}, ${value >= target.min ? 'OK' : 'MISSED'}`;
  console.log(`${label.padEnd(52)} ${value.toFixed(2).padStart(10)} ${unit.padEnd(8)} ${verdict}`);
}
