import type { route } from './route';

/**
 * The platform's agreements endpoints (issue 6), spread into platformRoutes.
 * Only `{caseId}` may appear in a path; other ids travel in the query or the body.
 */
export const agreementRoutes = {} satisfies Record<string, ReturnType<typeof route>>;
