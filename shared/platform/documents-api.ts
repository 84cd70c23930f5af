import type { route } from './route';

/**
 * The platform's documents endpoints (issue 4), spread into platformRoutes.
 * Only `{caseId}` may appear in a path; other ids travel in the query or the body.
 */
export const documentRoutes = {} satisfies Record<string, ReturnType<typeof route>>;
