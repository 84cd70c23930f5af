import type { AppErrorShape } from '../contract/errors';
import type { Translator } from './translator';

/** The translated, user-facing text for an error that crossed a boundary. Never the raw detail. */
export const errorMessage = (translator: Translator, error: Pick<AppErrorShape, 'code'>): string => translator.t(`error.${error.code}`);
