// The acta as a Word document (docx): A4, Times New Roman (LibreOffice substitutes the
// metric-compatible Liberation Serif), the centre's header, numbered clauses with named
// paragraph styles (so a lawyer editing it in Word finds "Cláusula", not direct formatting),
// real bullet numbering, "Página X de Y" in the footer and the acceptance block.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block } from '../../../shared/agreements/content';
import { type AgreementExportInput, type ExportableAgreement, prepareAgreementExport } from './export-render';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Style ids written to styles.xml (tests check they are there). */
export const DOCX_STYLES = {
  title: 'ActaTitulo',
  clauseHeading: 'ActaClausula',
  body: 'ActaCuerpo',
  bullet: 'ActaVineta',
  header: 'ActaEncabezado',
  signature: 'ActaFirma',
} as const;

const FONT = 'Times New Roman';
const BULLETS = 'acta-vinetas';
// Twentieths of a point (twips): A4 is 11 906 × 16 838; 2.5 cm margins.
const A4_TWIPS = { width: 11_906, height: 16_838 } as const;
const MARGIN = 1_417;
const HALF_POINTS = (points: number): number => points * 2;

function runs(block: Block): TextRun[] {
  // undefined rather than false: no explicit "not bold" that would override a style.
  const mark = (run: Block['runs'][number], name: 'bold' | 'italic'): true | undefined => (run.marks?.includes(name) ? true : undefined);
  return block.runs.map((run) => new TextRun({ text: run.text, bold: mark(run, 'bold'), italics: mark(run, 'italic') }));
}

function blockParagraph(block: Block): Paragraph {
  return block.type === 'bullet'
    ? new Paragraph({ style: DOCX_STYLES.bullet, numbering: { reference: BULLETS, level: 0 }, children: runs(block) })
    : new Paragraph({ style: DOCX_STYLES.body, children: runs(block) });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

function signatureTable(agreement: ExportableAgreement): Table {
  const cell = (party: ExportableAgreement['signatures'][number]): TableCell =>
    new TableCell({
      width: { size: 50, type: WidthType.PERCENTAGE },
      children: [
        new Paragraph({ style: DOCX_STYLES.signature, spacing: { before: 600 }, children: [new TextRun('______________________________')] }),
        new Paragraph({ style: DOCX_STYLES.signature, children: [new TextRun({ text: party.role, bold: true })] }),
        ...party.lines.map((line) => new Paragraph({ style: DOCX_STYLES.signature, children: [new TextRun(line)] })),
        new Paragraph({ style: DOCX_STYLES.signature, children: [new TextRun({ text: party.acceptance, italics: true, size: HALF_POINTS(9) })] }),
      ],
    });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, rows: [new TableRow({ cantSplit: true, children: agreement.signatures.map(cell) })] });
}

function header(agreement: ExportableAgreement): Header {
  return new Header({
    children: [
      new Paragraph({ style: DOCX_STYLES.header, children: [new TextRun({ text: agreement.centre, bold: true })] }),
      new Paragraph({
        style: DOCX_STYLES.header,
        border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '808080', space: 4 } },
        children: [new TextRun(agreement.headerLine)],
      }),
    ],
  });
}

function footer(): Footer {
  const page: ParagraphChild[] = [new TextRun({ children: ['Página ', PageNumber.CURRENT, ' de ', PageNumber.TOTAL_PAGES] })];
  return new Footer({ children: [new Paragraph({ style: DOCX_STYLES.header, alignment: AlignmentType.CENTER, children: page })] });
}

/** The agreement as .docx bytes. Throws AppError invalid_input (unfilled_variables…) before writing anything. */
export async function exportAgreementDocx(input: AgreementExportInput): Promise<Uint8Array> {
  const agreement = prepareAgreementExport(input);
  const { rendered } = agreement;
  const body: (Paragraph | Table)[] = [new Paragraph({ style: DOCX_STYLES.title, children: [new TextRun(rendered.title.toUpperCase())] })];
  rendered.clauses.forEach((clause, index) => {
    body.push(new Paragraph({ style: DOCX_STYLES.clauseHeading, children: [new TextRun(agreement.headings[index] ?? '')] }));
    body.push(...clause.blocks.map(blockParagraph));
  });
  body.push(new Paragraph({ style: DOCX_STYLES.body, keepNext: true, spacing: { before: 360 }, children: [new TextRun(agreement.signatureIntro)] }));
  body.push(signatureTable(agreement));

  const document = new Document({
    title: `Acta de acuerdo — folio ${agreement.folio}`,
    subject: rendered.title,
    creator: 'Mesa',
    lastModifiedBy: 'Mesa',
    description: `${agreement.centre}. ${agreement.headerLine}.`,
    keywords: `acta de acuerdo, mediación, ${agreement.folio}`,
    styles: {
      default: { document: { run: { font: FONT, size: HALF_POINTS(12) }, paragraph: { spacing: { after: 120, line: 276 } } } },
      paragraphStyles: [
        {
          id: DOCX_STYLES.title,
          name: 'Acta: título',
          basedOn: 'Normal',
          next: DOCX_STYLES.clauseHeading,
          run: { font: FONT, bold: true, size: HALF_POINTS(14) },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 360 } },
        },
        {
          id: DOCX_STYLES.clauseHeading,
          name: 'Acta: cláusula',
          basedOn: 'Normal',
          next: DOCX_STYLES.body,
          run: { font: FONT, bold: true, size: HALF_POINTS(12) },
          paragraph: { keepNext: true, spacing: { before: 240, after: 120 } },
        },
        {
          id: DOCX_STYLES.body,
          name: 'Acta: cuerpo',
          basedOn: 'Normal',
          run: { font: FONT, size: HALF_POINTS(12) },
          paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { after: 120, line: 276 } },
        },
        {
          id: DOCX_STYLES.bullet,
          name: 'Acta: viñeta',
          basedOn: DOCX_STYLES.body,
          paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { left: 720, hanging: 360 }, spacing: { after: 80 } },
        },
        { id: DOCX_STYLES.header, name: 'Acta: encabezado', basedOn: 'Normal', run: { font: FONT, size: HALF_POINTS(9), color: '404040' }, paragraph: { spacing: { after: 0 } } },
        { id: DOCX_STYLES.signature, name: 'Acta: firma', basedOn: 'Normal', run: { font: FONT, size: HALF_POINTS(11) }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 }, keepNext: true } },
      ],
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }],
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: A4_TWIPS, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 708, footer: 708 } } },
        headers: { default: header(agreement) },
        footers: { default: footer() },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
