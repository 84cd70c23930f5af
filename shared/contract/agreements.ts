import type { op } from './op';

/**
 * Agreement drafting (issue 6): templates and the clause library (resources/agreements), the
 * versions of a case's agreement, export, acceptance through the platform and fulfilment.
 */
export const agreementOperations = {} satisfies Record<string, ReturnType<typeof op>>;
