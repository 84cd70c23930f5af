/**
 * Ends a `switch` over a union: if a new member is added and not handled, the call stops
 * compiling (the argument is no longer `never`). At run time it throws, because a value that
 * the types say cannot exist came from outside (a bad row, a newer platform).
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
