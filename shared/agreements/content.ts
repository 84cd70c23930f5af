import { z } from 'zod';

/**
 * The text of an agreement (acta de acuerdo) as stored, versioned, diffed and exported: an
 * ordered list of clauses, each a few blocks of text runs. Deliberately small (paragraphs,
 * bullet items, bold, italic) so the DOCX and PDF exports reproduce every bit of it. Variables
 * appear in the text as `{{name}}` and are filled at rendering time from AgreementVariables.
 *
 * The rest of shared/agreements works on this shape (pure, usable in core and renderer):
 * - variables.ts   the closed variable catalogue, checkVariables, resolveVariables (display
 *                  text of every variable, computed ones included), caseVariables(facts)
 * - conditions.ts  the clause condition language (ClauseCondition below) and its evaluation
 * - library.ts     loadAgreementLibrary (resources/agreements JSON), suggestTemplates, toCatalogue
 * - instantiate.ts instantiateTemplate / clauseFromLibrary → content + variables
 * - render.ts      renderAgreement (filled text, unfilled, errors, fulfilmentDate), checkDraft,
 *                  renderedText, clauseHeading ("PRIMERO: Reembolso.")
 * - segments.ts    segmentText / segmentRun for highlighting `{{variables}}`
 * - diff.ts        version comparison for the side-by-side view
 * - number-words.ts, legal-format.ts  amounts and dates as the acta writes them
 * Problems are AgreementIssue ({path, message, reason: AgreementRefusal}), ready for AppError.
 */

export const TextMark = z.enum(['bold', 'italic']);
export const TextRun = z.object({ text: z.string().max(20_000), marks: z.array(TextMark).max(2).optional() });
export type TextRun = z.infer<typeof TextRun>;

export const Block = z.object({ type: z.enum(['paragraph', 'bullet']), runs: z.array(TextRun).max(500) });
export type Block = z.infer<typeof Block>;

/** A variable's name as written between double braces: `{{monto_reembolso}}`. */
export const VariableName = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/);
export type VariableName = z.infer<typeof VariableName>;

/**
 * When a clause applies (shared/agreements/conditions.ts evaluates it): either a name from the
 * closed vocabulary (`'refund_partial'`, `'has_voucher'`…) or a tiny test on one variable.
 * The schema only checks the shape; an unknown name or variable is reported by the library
 * loader and by renderAgreement (`unknown_condition`), so an old stored version still loads.
 */
export const ClauseCondition = z.union([
  z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
  z.strictObject({ variable: VariableName, isSet: z.boolean() }),
  z.strictObject({ variable: VariableName, equals: z.union([z.string().max(5_000), z.number(), z.boolean()]) }),
  z.strictObject({ variable: VariableName, greaterThan: z.number() }),
]);
export type ClauseCondition = z.infer<typeof ClauseCondition>;

export const AgreementClause = z.object({
  id: z.uuid(),
  /** The library clause it came from; null for a clause the mediator wrote. */
  clauseKey: z.string().max(80).nullable(),
  title: z.string().max(300),
  blocks: z.array(Block).max(200),
  /**
   * Optional, additive: the clause is rendered and exported only when ALL conditions hold
   * (absent or empty: always). instantiateTemplate keeps conditions that depend on values the
   * mediator still enters (refund amount, voucher code…) and settles the ones that depend only
   * on case facts. Editors should keep it untouched when they rewrite title/blocks.
   */
  when: z.array(ClauseCondition).max(10).optional(),
});
export type AgreementClause = z.infer<typeof AgreementClause>;

export const AgreementContent = z.object({
  templateId: z.string().max(80),
  title: z.string().min(1).max(300),
  clauses: z.array(AgreementClause).max(200),
});
export type AgreementContent = z.infer<typeof AgreementContent>;

/** Values of the variables: text, integer CLP amounts, business-day counts, booleans. */
export const VariableValue = z.union([z.string().max(5_000), z.number(), z.boolean(), z.null()]);
export const AgreementVariables = z.record(VariableName, VariableValue);
export type AgreementVariables = z.infer<typeof AgreementVariables>;
