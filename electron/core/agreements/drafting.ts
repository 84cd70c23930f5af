import type { AgreementContent, AgreementVariables } from '../../../shared/agreements/content';
import type { AgreementIssue } from '../../../shared/agreements/issues';
import type { AgreementCaseFacts } from '../../../shared/agreements/variables';
import type { AgreementCatalogue } from '../../../shared/contract/agreements';

/**
 * What the agreement flow needs from the drafting rules of shared/agreements (templates, clause
 * library, variables, conditions, rendering), as one edge: the flow stores, versions and sends
 * whatever these functions produce and check, and never re-implements them.
 */
export interface AgreementDrafting {
  /** Templates, clause library and variable catalogue, as the editor lists them. */
  catalogue(): AgreementCatalogue;
  /** Version 1 of a template filled from the case; issues (unknown_template, missing_variable…) when it cannot be. */
  instantiate(templateId: string, facts: AgreementCaseFacts): { content: AgreementContent; variables: AgreementVariables } | { issues: AgreementIssue[] };
  /** Problems that make a draft unsavable: unknown variables and conditions, values of the wrong type. */
  check(content: AgreementContent, variables: AgreementVariables): AgreementIssue[];
  /** The text the parties read, the variables still unfilled and the agreed fulfilment date (YYYY-MM-DD). */
  render(content: AgreementContent, variables: AgreementVariables): { title: string; text: string; unfilled: string[]; fulfilmentDate: string | null };
}
