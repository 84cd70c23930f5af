import type { documentsEsCL } from './documents.es-CL';

/** English documents messages, typed against the es-CL ones (a missing or extra key fails to compile). */
export const documentsEn: Readonly<Record<keyof typeof documentsEsCL, string>> = {
  'documents.title': 'Documents',
};
