import type { AppErrorShape } from './errors';

/** Results cross process boundaries as data: thrown errors do not survive IPC. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppErrorShape };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppErrorShape): Result<never> => ({ ok: false, error });
