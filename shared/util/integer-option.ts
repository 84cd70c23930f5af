/**
 * A command-line integer option in [0, max], or `fallback` when absent. The servers' CLIs
 * (web host, reference platform) share it; the message is for the person at the terminal.
 */
export function integerOption(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  // Digits only: Number('') is 0 and Number('1e3') is 1000, neither is what was typed.
  const parsed = /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(parsed) || parsed > max) throw new Error(`--${name} debe ser un entero entre 0 y ${max} (recibido: ${value})`);
  return parsed;
}
