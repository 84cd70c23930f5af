// A small layout engine for the documents Mesa writes (evidence index, hearing sheet, agreement):
// A4 pages with the centre's header and a "Página X de Y" footer, headings kept with what
// follows, word-wrapped paragraphs (left, centred or justified) with bold/italic/mono runs,
// bullets, tables whose cells wrap, and a notice banner. Text is real text (Liberation subsets
// with a ToUnicode map), so readers can search and copy it.
import {
  PDFArray,
  PDFDocument,
  type PDFName,
  PDFOperator,
  PDFOperatorNames,
  type PDFFont,
  type PDFPage,
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingColor,
  setFontAndSize,
  moveText,
  degrees,
  type Color,
} from 'pdf-lib';
import { formatDateTime } from '../../../shared/format/dates';
import { DOCUMENT_LABELS } from './document-labels';
import { FontSet, drawable, type EmbeddedFont, type FontFamily, type FontStyle } from './fonts';

export const A4: readonly [number, number] = [595.28, 841.89];
const MARGIN = { left: 56.7, right: 56.7, top: 82, bottom: 62 } as const;
const BODY_SIZE = 10.5;
const LINE = 1.35;
const GREY = rgb(0.35, 0.35, 0.35);
const BLACK = rgb(0, 0, 0);

export type Run = { readonly text: string } & FontStyle;
/** Plain text or styled runs. '\n' forces a line break. */
export type Inline = string | readonly Run[];

export interface TableColumn {
  readonly header?: string;
  /** Share of the content width; the shares of a table are normalised. */
  readonly width: number;
  readonly style?: FontStyle;
}

export type Block =
  | { readonly kind: 'heading'; readonly text: string; readonly level?: 1 | 2 }
  | { readonly kind: 'paragraph'; readonly content: Inline; readonly align?: 'left' | 'justify' | 'center'; readonly size?: number; readonly color?: 'grey' }
  | { readonly kind: 'bullets'; readonly items: readonly Inline[] }
  | { readonly kind: 'table'; readonly columns: readonly TableColumn[]; readonly rows: readonly (readonly Inline[])[] }
  /** A framed, shaded notice (e.g. "Confidencial"). */
  | { readonly kind: 'banner'; readonly text: string }
  | { readonly kind: 'spacer'; readonly height: number }
  | { readonly kind: 'pageBreak' };

export interface TypesetOptions {
  readonly title: string;
  /** The case's folio, printed in the header. */
  readonly folio?: string;
  readonly generatedAt: Date;
  readonly author?: string;
  readonly subject?: string;
  readonly keywords?: readonly string[];
  readonly family?: FontFamily;
  /** Overrides where resources/fonts is looked up (see electron/core/resources.ts). */
  readonly resourcesDir?: string;
}

interface Piece {
  readonly text: string;
  readonly font: PDFFont;
  readonly width: number;
  readonly kind: 'word' | 'space' | 'break';
}
interface Line {
  readonly pieces: readonly Piece[];
  readonly width: number;
  /** Ends a paragraph or at '\n': never stretched when justifying. */
  readonly last: boolean;
}

const heightOf = (size: number): number => size * LINE;

/**
 * Lays blocks out on pages appended to `doc`. Other pages may be appended between writes (the
 * evidence bundle copies documents in); `newPage()` then continues after them. `finish()` draws
 * headers and footers once the page count is known.
 */
export class Typesetter {
  readonly doc: PDFDocument;
  readonly #fonts: FontSet;
  readonly #options: TypesetOptions;
  readonly #own = new Set<PDFPage>();
  readonly #footerNotes = new Map<PDFPage, string>();
  readonly #fontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();
  #page: PDFPage | undefined;
  /** Top of the free space on the current page, in PDF units from the bottom. */
  #y = 0;

  constructor(doc: PDFDocument, options: TypesetOptions) {
    this.doc = doc;
    this.#options = options;
    this.#fonts = new FontSet(doc, options.family ?? 'sans', options.resourcesDir);
  }

  static async create(options: TypesetOptions): Promise<Typesetter> {
    return new Typesetter(await PDFDocument.create(), options);
  }

  get fonts(): FontSet {
    return this.#fonts;
  }

  /** 1-based number of the page writing continues on (a new one is started if needed). */
  currentPageNumber(): number {
    if (!this.#page) this.newPage();
    return this.doc.getPageCount();
  }

  newPage(): PDFPage {
    const page = this.doc.addPage([A4[0], A4[1]]);
    this.#own.add(page);
    this.#page = page;
    this.#y = A4[1] - MARGIN.top;
    return page;
  }

  /** The free area left on the current page, in PDF units (for drawing an image into). */
  freeArea(): { readonly page: PDFPage; readonly x: number; readonly top: number; readonly width: number; readonly bottom: number } {
    const page = this.#ensure(0);
    return { page, x: MARGIN.left, top: this.#y, width: this.#width, bottom: MARGIN.bottom };
  }

  /** Marks `height` points below the cursor as used. */
  advance(height: number): void {
    this.#y -= height;
  }

  /** Replaces the "generated at" text in the footer of `page` (e.g. which document a copied page belongs to). */
  setFooterNote(page: PDFPage, note: string): void {
    this.#footerNotes.set(page, note);
  }

  /** Whether the current page has nothing on it yet. */
  #fresh(): boolean {
    return this.#page !== undefined && this.#y === A4[1] - MARGIN.top;
  }

  /** Continues on a new page when fewer than `height` points remain. */
  #ensure(height: number): PDFPage {
    if (!this.#page || this.#page !== this.doc.getPage(this.doc.getPageCount() - 1)) return this.newPage();
    if (this.#y - height < MARGIN.bottom && !this.#fresh()) return this.newPage();
    return this.#page;
  }

  get #width(): number {
    return A4[0] - MARGIN.left - MARGIN.right;
  }

  async write(blocks: readonly Block[]): Promise<void> {
    for (let index = 0; index < blocks.length; index++) {
      const block = blocks[index] as Block;
      switch (block.kind) {
        case 'heading': {
          const size = block.level === 2 ? 12 : 14.5;
          if (!this.#fresh() && this.#page) this.#y -= block.level === 2 ? 6 : 10;
          const lines = await this.#wrap([{ text: block.text, bold: true }], this.#width, size);
          // Keep-together: the heading and three lines of what follows start on the same page.
          this.#ensure(lines.length * heightOf(size) + 3 * heightOf(BODY_SIZE));
          this.#drawLines(lines, MARGIN.left, this.#width, size, 'left', BLACK);
          this.#y -= 3;
          break;
        }
        case 'paragraph': {
          const size = block.size ?? BODY_SIZE;
          const lines = await this.#wrap(block.content, this.#width, size);
          this.#drawLines(lines, MARGIN.left, this.#width, size, block.align ?? 'left', block.color === 'grey' ? GREY : BLACK);
          this.#y -= size * 0.6;
          break;
        }
        case 'bullets': {
          const bullet = await this.#fonts.get();
          const indent = 14;
          for (const item of block.items) {
            const lines = await this.#wrap(item, this.#width - indent, BODY_SIZE);
            this.#ensure(heightOf(BODY_SIZE));
            this.#text(this.#page as PDFPage, bullet.font, BODY_SIZE, MARGIN.left + 3, this.#y - BODY_SIZE, '•', 0, BLACK);
            this.#drawLines(lines, MARGIN.left + indent, this.#width - indent, BODY_SIZE, 'left', BLACK);
            this.#y -= 2;
          }
          this.#y -= BODY_SIZE * 0.4;
          break;
        }
        case 'table':
          await this.#table(block.columns, block.rows);
          this.#y -= BODY_SIZE * 0.6;
          break;
        case 'banner':
          await this.#banner(block.text);
          break;
        case 'spacer':
          this.#ensure(0);
          this.#y -= block.height;
          break;
        case 'pageBreak':
          this.newPage();
          break;
      }
    }
  }

  /** Header and footer on every own page, a footer on pages copied in, and the metadata. */
  async finish(): Promise<void> {
    const regular = (await this.#fonts.get()).font;
    const bold = (await this.#fonts.get({ bold: true })).font;
    const covers = (await this.#fonts.get()).covers;
    if (this.doc.getPageCount() === 0) this.newPage();
    const pages = this.doc.getPages();
    const when = formatDateTime(this.#options.generatedAt.toISOString(), 'es-CL');
    const title = drawable(this.#options.title, covers).replaceAll('\n', ' ');
    pages.forEach((page, index) => {
      const { width, height } = page.getSize();
      if (this.#own.has(page)) {
        const top = height - 40;
        this.#text(page, bold, 8.5, MARGIN.left, top, DOCUMENT_LABELS.centre, 0, GREY);
        if (this.#options.folio) {
          const folio = drawable(DOCUMENT_LABELS.folio(this.#options.folio), covers);
          this.#text(page, regular, 8.5, width - MARGIN.right - regular.widthOfTextAtSize(folio, 8.5), top, folio, 0, GREY);
        }
        this.#text(page, regular, 8.5, MARGIN.left, top - 12, fitText(title, regular, 8.5, width - MARGIN.left - MARGIN.right), 0, GREY);
        page.drawLine({ start: { x: MARGIN.left, y: top - 18 }, end: { x: width - MARGIN.right, y: top - 18 }, thickness: 0.5, color: GREY });
      }
      // Copied-in pages may be any size or rotation: their footer goes where it reads upright.
      const stamp = footerPlacement(page);
      const pageLabel = DOCUMENT_LABELS.page(index + 1, pages.length);
      const note = this.#footerNotes.get(page);
      const left = note === undefined ? DOCUMENT_LABELS.generated(when) : fitText(drawable(note, covers).replaceAll('\n', ' '), regular, 7.5, Math.min(width, height) * 0.7 - MARGIN.left);
      stamp.draw(regular, 7.5, 28, pageLabel, left);
    });
    const doc = this.doc;
    doc.setTitle(title, { showInWindowTitleBar: true });
    doc.setAuthor(this.#options.author ?? DOCUMENT_LABELS.centre);
    if (this.#options.subject) doc.setSubject(this.#options.subject);
    if (this.#options.keywords) doc.setKeywords([...this.#options.keywords]);
    doc.setProducer('Mesa');
    doc.setCreator('Mesa');
    doc.setLanguage('es-CL');
    doc.setCreationDate(this.#options.generatedAt);
    doc.setModificationDate(this.#options.generatedAt);
  }

  /** finish() and serialise. */
  async save(): Promise<Uint8Array> {
    await this.finish();
    return this.doc.save();
  }

  // --- text layout -------------------------------------------------------------------------

  async #pieces(content: Inline, size: number): Promise<Piece[]> {
    const runs: readonly Run[] = typeof content === 'string' ? [{ text: content }] : content;
    const pieces: Piece[] = [];
    for (const run of runs) {
      const { font, covers }: EmbeddedFont = await this.#fonts.get(run);
      for (const part of drawable(run.text, covers).split(/(\n| +)/)) {
        if (part === '') continue;
        if (part === '\n') pieces.push({ text: '', font, width: 0, kind: 'break' });
        else if (part.startsWith(' ')) pieces.push({ text: ' ', font, width: font.widthOfTextAtSize(' ', size), kind: 'space' });
        else pieces.push({ text: part, font, width: font.widthOfTextAtSize(part, size), kind: 'word' });
      }
    }
    return pieces;
  }

  /** Greedy line breaking at spaces; a word wider than the line is cut between characters. */
  async #wrap(content: Inline, width: number, size: number): Promise<Line[]> {
    const pieces = await this.#pieces(content, size);
    const lines: Line[] = [];
    let current: Piece[] = [];
    let used = 0;
    let pendingSpace: Piece | undefined;
    const close = (last: boolean): void => {
      lines.push({ pieces: current, width: used, last });
      current = [];
      used = 0;
      pendingSpace = undefined;
    };
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i] as Piece;
      if (piece.kind === 'break') {
        close(true);
        continue;
      }
      if (piece.kind === 'space') {
        if (current.length > 0) pendingSpace = piece;
        continue;
      }
      // A box: this word and the words glued to it (a style change inside a word).
      const box: Piece[] = [piece];
      while (pieces[i + 1]?.kind === 'word') box.push(pieces[++i] as Piece);
      const boxWidth = box.reduce((sum, part) => sum + part.width, 0);
      const gap = pendingSpace ? pendingSpace.width : 0;
      if (current.length > 0 && used + gap + boxWidth > width) close(false);
      if (current.length > 0 && pendingSpace) {
        current.push(pendingSpace);
        used += pendingSpace.width;
      }
      pendingSpace = undefined;
      for (const part of boxWidth > width ? box.flatMap((p) => splitWord(p, size)) : box) {
        if (current.length > 0 && used + part.width > width) close(false);
        current.push(part);
        used += part.width;
      }
    }
    if (current.length > 0 || lines.length === 0) close(true);
    return lines;
  }

  #drawLines(lines: readonly Line[], left: number, width: number, size: number, align: 'left' | 'justify' | 'center', color: Color): void {
    for (const line of lines) {
      const page = this.#ensure(heightOf(size));
      const spaces = line.pieces.filter((piece) => piece.kind === 'space').length;
      const extra = align === 'justify' && !line.last && spaces > 0 ? (width - line.width) / spaces : 0;
      const start = align === 'center' ? left + (width - line.width) / 2 : left;
      this.#drawLine(page, line, start, this.#y - size, size, extra, color);
      this.#y -= heightOf(size);
    }
  }

  /** One TJ per run of same-font pieces; justification widens the spaces inside the TJ. */
  #drawLine(page: PDFPage, line: Line, x: number, baseline: number, size: number, extraPerSpace: number, color: Color): void {
    let cursor = x;
    let from = 0;
    while (from < line.pieces.length) {
      const font = (line.pieces[from] as Piece).font;
      let to = from;
      while (to < line.pieces.length && (line.pieces[to] as Piece).font === font) to++;
      const segment = line.pieces.slice(from, to);
      const text = segment.map((piece) => piece.text).join('');
      const spaces = segment.filter((piece) => piece.kind === 'space').length;
      this.#text(page, font, size, cursor, baseline, text, extraPerSpace, color);
      cursor += segment.reduce((sum, piece) => sum + piece.width, 0) + spaces * extraPerSpace;
      from = to;
    }
  }

  #text(page: PDFPage, font: PDFFont, size: number, x: number, y: number, text: string, extraPerSpace: number, color: Color): void {
    if (text === '') return;
    let keys = this.#fontKeys.get(page);
    if (!keys) this.#fontKeys.set(page, (keys = new Map()));
    let key = keys.get(font);
    if (!key) keys.set(font, (key = page.node.newFontDictionary(font.name, font.ref)));
    const array = PDFArray.withContext(this.doc.context);
    // TJ adjustments are in thousandths of the font size, negative = further right.
    const adjustment = (-extraPerSpace * 1000) / size;
    const parts = extraPerSpace === 0 ? [text] : text.split(/(?<= )/);
    parts.forEach((part, index) => {
      array.push(font.encodeText(part));
      if (extraPerSpace !== 0 && index < parts.length - 1) array.push(this.doc.context.obj(adjustment));
    });
    page.pushOperators(
      pushGraphicsState(),
      beginText(),
      setFillingColor(color),
      setFontAndSize(key, size),
      moveText(x, y),
      PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [array]),
      endText(),
      popGraphicsState(),
    );
  }

  // --- tables and banners ------------------------------------------------------------------

  async #table(columns: readonly TableColumn[], rows: readonly (readonly Inline[])[]): Promise<void> {
    const size = 9;
    const pad = 3.5;
    const total = columns.reduce((sum, column) => sum + column.width, 0);
    const widths = columns.map((column) => (column.width / total) * this.#width);
    const cellLines = (row: readonly Inline[], header: boolean): Promise<Line[][]> =>
      Promise.all(
        columns.map((column, c) => {
          const content = row[c] ?? '';
          const style: FontStyle = header ? { bold: true } : (column.style ?? {});
          const runs = typeof content === 'string' ? [{ text: content, ...style }] : content.map((run) => ({ ...style, ...run }));
          return this.#wrap(runs, (widths[c] as number) - 2 * pad, size);
        }),
      );
    const headerRow = columns.some((column) => column.header) ? await cellLines(columns.map((column) => column.header ?? ''), true) : undefined;
    const drawRow = (cells: Line[][], shade: boolean): void => {
      const count = Math.max(...cells.map((lines) => lines.length));
      let first = 0;
      while (first < count) {
        const remaining = count - first;
        let room = Math.floor((this.#y - MARGIN.bottom - 2 * pad) / heightOf(size));
        if (room < remaining && (!this.#fresh() || room < 1)) {
          // A row moves whole to the next page (with the header again) unless it is taller than a page.
          this.newPage();
          if (headerRow && cells !== headerRow) drawRow(headerRow, true);
          room = Math.floor((this.#y - MARGIN.bottom - 2 * pad) / heightOf(size));
        }
        const take = Math.max(1, Math.min(remaining, room));
        const page = this.#page as PDFPage;
        const height = take * heightOf(size) + 2 * pad;
        if (shade) page.drawRectangle({ x: MARGIN.left, y: this.#y - height, width: this.#width, height, color: rgb(0.92, 0.92, 0.92) });
        let x = MARGIN.left;
        cells.forEach((lines, c) => {
          lines.slice(first, first + take).forEach((line, l) => {
            this.#drawLine(page, line, x + pad, this.#y - pad - l * heightOf(size) - size, size, 0, BLACK);
          });
          x += widths[c] as number;
        });
        this.#y -= height;
        page.drawLine({ start: { x: MARGIN.left, y: this.#y }, end: { x: MARGIN.left + this.#width, y: this.#y }, thickness: 0.4, color: rgb(0.7, 0.7, 0.7) });
        first += take;
      }
    };
    this.#ensure(0);
    if (headerRow) drawRow(headerRow, true);
    for (const row of rows) drawRow(await cellLines(row, false), false);
  }

  async #banner(text: string): Promise<void> {
    const size = 10.5;
    const pad = 7;
    const lines = await this.#wrap([{ text, bold: true }], this.#width - 2 * pad, size);
    const height = lines.length * heightOf(size) + 2 * pad;
    const page = this.#ensure(height + 6);
    page.drawRectangle({ x: MARGIN.left, y: this.#y - height, width: this.#width, height, color: rgb(0.99, 0.91, 0.91), borderColor: rgb(0.6, 0.1, 0.1), borderWidth: 1 });
    this.#y -= pad;
    this.#drawLines(lines, MARGIN.left + pad, this.#width - 2 * pad, size, 'center', rgb(0.5, 0.05, 0.05));
    this.#y -= pad + 8;
  }
}

/** Lays `blocks` out as a new A4 document and returns its bytes. */
export async function typesetPdf(blocks: readonly Block[], options: TypesetOptions): Promise<Uint8Array> {
  const typesetter = await Typesetter.create(options);
  await typesetter.write(blocks);
  return typesetter.save();
}

/** Cuts a word into pieces of at most a few characters each, for hashes and long URLs. */
function splitWord(piece: Piece, size: number): Piece[] {
  return [...piece.text].map((char) => ({ text: char, font: piece.font, width: piece.font.widthOfTextAtSize(char, size), kind: 'word' as const }));
}

/** Shortens text with an ellipsis to fit one line. */
function fitText(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && font.widthOfTextAtSize(chars.join('') + '…', size) > width) chars.pop();
  return chars.join('') + '…';
}

interface FooterPlacement {
  draw(font: PDFFont, size: number, offset: number, right: string, left: string): void;
}

/**
 * Where the footer of a page goes so that it reads upright as the page is displayed: pdf-lib
 * draws in the unrotated page space, so for /Rotate 90/180/270 the text is rotated the same way
 * and anchored to the edge that ends up at the bottom.
 */
function footerPlacement(page: PDFPage): FooterPlacement {
  const rotation = ((page.getRotation().angle % 360) + 360) % 360;
  const { width, height } = page.getSize();
  return {
    draw(font, size, offset, right, left) {
      const displayWidth = rotation === 90 || rotation === 270 ? height : width;
      const rightX = displayWidth - MARGIN.right - font.widthOfTextAtSize(right, size);
      for (const [text, along] of [[left, MARGIN.left], [right, rightX]] as const) {
        // (along, offset) in display space, mapped back to the page's own coordinates.
        const [x, y] =
          rotation === 90 ? [width - offset, along] : rotation === 180 ? [width - along, height - offset] : rotation === 270 ? [offset, height - along] : [along, offset];
        page.drawText(text, { x, y, size, font, color: GREY, rotate: degrees(rotation) });
      }
    },
  };
}
