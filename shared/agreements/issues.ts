import type { AgreementRefusal } from '../contract/agreements';

/**
 * A problem found in a library, a draft or its variables. Same shape as an AppError issue
 * (shared/contract/errors.ts), so the core can throw `new AppError('invalid_input', …, issues)`
 * as is and the renderer translates `reason`. `path` names the spot: `variables.monto_reembolso`,
 * `clauses.<id or key>.when.0`, `clauses.<id or key>.blocks.2`, `templates.<id>.defaults.x`.
 */
export interface AgreementIssue {
  readonly path: string;
  readonly message: string;
  readonly reason: AgreementRefusal;
}

export const issue = (reason: AgreementRefusal, path: string, message: string): AgreementIssue => ({ reason, path, message });
