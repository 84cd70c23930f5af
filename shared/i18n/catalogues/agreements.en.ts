import type { agreementsEsCL } from './agreements.es-CL';

/** English agreements messages, typed against the es-CL ones (a missing or extra key fails to compile). */
export const agreementsEn: Readonly<Record<keyof typeof agreementsEsCL, string>> = {
  'agreements.title': 'Agreement',
};
