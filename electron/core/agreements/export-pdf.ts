// The acta as PDF through the shared typesetter (electron/core/pdf/typeset.ts): Liberation
// Serif (Times-compatible, like the DOCX), the centre's header with the folio, "PRIMERO: …"
// clause headings, justified paragraphs, bullet lists and the acceptance block.
import type { Block as ContentBlock, TextRun } from '../../../shared/agreements/content';
import { type Block, type Run, typesetPdf } from '../pdf/typeset';
import { type AgreementExportInput, prepareAgreementExport } from './export-render';

const toRuns = (runs: readonly TextRun[]): Run[] => runs.map((run) => ({ text: run.text, bold: run.marks?.includes('bold'), italic: run.marks?.includes('italic') }));

/** Paragraphs as they are; consecutive bullet items as one list. */
function clauseBlocks(blocks: readonly ContentBlock[]): Block[] {
  const out: Block[] = [];
  let items: Run[][] = [];
  const flush = (): void => {
    if (items.length > 0) out.push({ kind: 'bullets', items });
    items = [];
  };
  for (const block of blocks) {
    if (block.type === 'bullet') {
      items.push(toRuns(block.runs));
      continue;
    }
    flush();
    out.push({ kind: 'paragraph', content: toRuns(block.runs), align: 'justify' });
  }
  flush();
  return out;
}

/** The agreement as PDF bytes. Throws AppError invalid_input (unfilled_variables…) before writing anything. */
export async function exportAgreementPdf(input: AgreementExportInput, options: { readonly resourcesDir?: string } = {}): Promise<Uint8Array> {
  const agreement = prepareAgreementExport(input);
  const { rendered } = agreement;
  const blocks: Block[] = [{ kind: 'heading', text: rendered.title.toUpperCase(), level: 1 }];
  rendered.clauses.forEach((clause, index) => {
    blocks.push({ kind: 'heading', text: agreement.headings[index] ?? '', level: 2 }, ...clauseBlocks(clause.blocks));
  });
  blocks.push(
    { kind: 'spacer', height: 12 },
    { kind: 'paragraph', content: agreement.signatureIntro, align: 'justify' },
    { kind: 'spacer', height: 28 },
    {
      kind: 'table',
      columns: agreement.signatures.map(() => ({ width: 1 })),
      rows: [agreement.signatures.map((party): Run[] => [{ text: `${party.role}\n`, bold: true }, { text: `${party.lines.join('\n')}\n` }, { text: party.acceptance, italic: true }])],
    },
  );
  return typesetPdf(blocks, {
    title: `Acta de acuerdo — folio ${agreement.folio} — versión ${input.versionNumber}`,
    folio: agreement.folio,
    generatedAt: input.generatedAt,
    author: 'Mesa',
    subject: `${rendered.title} · ${agreement.headerLine}`,
    keywords: ['acta de acuerdo', 'mediación', agreement.folio],
    family: 'serif',
    resourcesDir: options.resourcesDir,
  });
}
