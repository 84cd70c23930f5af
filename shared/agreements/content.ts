import { z } from 'zod';

/**
 * The text of an agreement (acta de acuerdo) as stored, versioned, diffed and exported: an
 * ordered list of clauses, each a few blocks of text runs. Deliberately small (paragraphs,
 * bullet items, bold, italic) so the DOCX and PDF exports reproduce every bit of it. Variables
 * appear in the text as `{{name}}` and are filled at rendering time from AgreementVariables.
 */

export const TextMark = z.enum(['bold', 'italic']);
export const TextRun = z.object({ text: z.string().max(20_000), marks: z.array(TextMark).max(2).optional() });
export type TextRun = z.infer<typeof TextRun>;

export const Block = z.object({ type: z.enum(['paragraph', 'bullet']), runs: z.array(TextRun).max(500) });
export type Block = z.infer<typeof Block>;

/** A variable's name as written between double braces: `{{monto_reembolso}}`. */
export const VariableName = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/);
export type VariableName = z.infer<typeof VariableName>;

export const AgreementClause = z.object({
  id: z.uuid(),
  /** The library clause it came from; null for a clause the mediator wrote. */
  clauseKey: z.string().max(80).nullable(),
  title: z.string().max(300),
  blocks: z.array(Block).max(200),
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
