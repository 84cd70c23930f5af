// The mediator's private hearing preparation sheet as a printable PDF. It never leaves the
// machine through Mesa; the banner and the metadata say it is confidential if it is printed.
import type { HearingSheet } from '../../../shared/contract/documents';
import { formatClp } from '../../../shared/format/clp';
import { formatDateTime } from '../../../shared/format/dates';
import { typesetPdf, type Block, type Inline } from './typeset';

/** Document content in es-CL (the sheet is printed in the centre's language, not the UI's). */
const LABELS = {
  banner: 'Confidencial — uso exclusivo del mediador',
  title: 'Hoja de preparación de audiencia',
  folio: 'Folio',
  consumer: 'Consumidor/a',
  company: 'Empresa',
  subject: 'Materia',
  amount: 'Monto reclamado',
  hearing: 'Audiencia',
  mediator: 'Mediador/a',
  updated: 'Última modificación',
  notYet: 'sin guardar',
  empty: '(sin contenido)',
  sections: {
    consumerPosition: 'Posición del consumidor/a',
    companyPosition: 'Posición de la empresa',
    interests: 'Intereses',
    issues: 'Puntos en discusión',
    options: 'Opciones de acuerdo',
    notes: 'Notas',
  },
} as const;

export interface HearingSheetCaseFacts {
  readonly folio: string;
  readonly consumer: string;
  readonly company: string;
  /** Translated by the caller (e.g. the case category's label). */
  readonly subject?: string;
  /** Integer CLP. */
  readonly amountClaimed?: number | null;
  /** The next hearing, when one is scheduled. */
  readonly hearingAt?: string | null;
  readonly mediator?: string;
}

export interface HearingSheetPdfInput {
  readonly sheet: HearingSheet;
  readonly facts: HearingSheetCaseFacts;
  readonly generatedAt: Date;
  readonly resourcesDir?: string;
}

/**
 * A section's free text as blocks: blank lines separate paragraphs, and lines starting with
 * "-", "*" or "•" become bullets, as mediators type lists in a plain text area.
 */
export function sectionBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let bullets: Inline[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', content: paragraph.join('\n'), align: 'left' });
    if (bullets.length > 0) blocks.push({ kind: 'bullets', items: bullets });
    paragraph = [];
    bullets = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const bullet = /^\s*[-*•]\s+(.*)$/.exec(line);
    if (bullet) {
      if (paragraph.length > 0) flush();
      bullets.push(bullet[1] ?? '');
    } else if (line.trim() === '') {
      flush();
    } else {
      if (bullets.length > 0) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks.length > 0 ? blocks : [{ kind: 'paragraph', content: [{ text: LABELS.empty, italic: true }], color: 'grey' }];
}

export async function buildHearingSheetPdf(input: HearingSheetPdfInput): Promise<Uint8Array> {
  const { sheet, facts } = input;
  const rows: Inline[][] = [
    [LABELS.folio, facts.folio],
    [LABELS.consumer, facts.consumer],
    [LABELS.company, facts.company],
    ...(facts.subject ? [[LABELS.subject, facts.subject]] : []),
    ...(facts.amountClaimed != null ? [[LABELS.amount, formatClp(facts.amountClaimed)]] : []),
    ...(facts.hearingAt ? [[LABELS.hearing, formatDateTime(facts.hearingAt, 'es-CL')]] : []),
    ...(facts.mediator ? [[LABELS.mediator, facts.mediator]] : []),
    [LABELS.updated, sheet.updatedAt ? formatDateTime(sheet.updatedAt, 'es-CL') : LABELS.notYet],
  ];
  const blocks: Block[] = [
    { kind: 'banner', text: LABELS.banner },
    { kind: 'heading', text: `${LABELS.title} — ${facts.folio}` },
    { kind: 'table', columns: [{ width: 1.3, style: { bold: true } }, { width: 4 }], rows },
  ];
  for (const key of Object.keys(LABELS.sections) as (keyof typeof LABELS.sections)[]) {
    blocks.push({ kind: 'heading', text: LABELS.sections[key], level: 2 }, ...sectionBlocks(sheet[key]));
  }
  return typesetPdf(blocks, {
    title: `${LABELS.title} — ${facts.folio}`,
    folio: facts.folio,
    generatedAt: input.generatedAt,
    subject: LABELS.banner,
    keywords: ['confidencial', facts.folio],
    resourcesDir: input.resourcesDir,
  });
}
