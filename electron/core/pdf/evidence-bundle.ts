// The evidence bundle: one PDF with a cover and an index (each document's SHA-256 and the page
// it starts on), then every document: PDF pages copied as they are, images fitted on a page
// with a caption, text and e-mails set as text, and a listing page with the hash for what a
// PDF cannot reproduce (audio, video, other types, encrypted or damaged PDFs, missing files).
import { createHash } from 'node:crypto';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { PDFDict, PDFDocument, PDFName, type PDFPage, rgb } from 'pdf-lib';
import type { DocumentKind } from '../../../shared/contract/documents';
import { formatDateTime } from '../../../shared/format/dates';
import { parseEmail } from '../documents/email';
import { Typesetter, type Block, type Inline } from './typeset';

/** Document content in es-CL (the bundle is a document of the centre, not UI). */
const LABELS = {
  title: 'Antecedentes del caso',
  index: 'Índice de documentos',
  none: 'El caso no tiene documentos seleccionados.',
  folio: 'Folio',
  consumer: 'Consumidor/a',
  company: 'Empresa',
  mediator: 'Mediador/a',
  generated: 'Generado',
  documents: 'Documentos',
  category: 'Categoría',
  party: 'Presentado por',
  received: 'Recibido',
  size: 'Tamaño',
  type: 'Tipo',
  page: 'Pág.',
  document: 'Documento',
  number: 'N°',
  intro:
    'Cada documento se identifica por su huella SHA-256, calculada sobre el archivo original recibido. Las imágenes y los textos se reproducen para su lectura; el archivo original es el que corresponde a la huella indicada.',
  docHeading: (n: number, total: number, name: string) => `Documento ${n} de ${total}: ${name}`,
  footer: (n: number, name: string, sha: string) => `Doc. ${n}: ${name} · SHA-256 ${sha.slice(0, 16)}…`,
  notReproducible: 'Archivo no reproducible en PDF',
  emailFrom: 'De',
  emailTo: 'Para',
  emailCc: 'CC',
  emailSubject: 'Asunto',
  emailDate: 'Fecha',
  emailAttachments: 'Adjuntos',
  truncated: (shown: number) => `[Texto truncado: se muestran los primeros ${shown.toLocaleString('es-CL')} caracteres.]`,
  reasons: {
    not_available_offline: 'el archivo no está disponible en este equipo',
    hash_mismatch: 'el contenido no coincide con su SHA-256 registrado',
    pdf_encrypted: 'PDF protegido con contraseña',
    pdf_damaged: 'PDF dañado o ilegible',
    image_damaged: 'imagen dañada o ilegible',
    audio: 'archivo de audio',
    video: 'archivo de video',
    other: 'tipo de archivo que no se puede mostrar como página',
  },
} as const;

export type ListedOnlyReason = keyof typeof LABELS.reasons;

export interface EvidenceEntryMeta {
  readonly documentId: string;
  readonly fileName: string;
  /** Already translated by the caller (enum labels live in shared/i18n). */
  readonly categoryLabel: string;
  readonly partyLabel: string;
  readonly receivedAt: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly kind: DocumentKind;
  readonly mediaType: string;
}

export interface EvidenceEntry {
  readonly meta: EvidenceEntryMeta;
  /** The stored file; null when it is not on this machine. */
  readonly bytes: Uint8Array | null;
}

export interface EvidenceCaseInfo {
  readonly folio: string;
  readonly consumer: string;
  readonly company: string;
  readonly mediator?: string;
}

export interface EvidenceBundleInput {
  readonly caseInfo: EvidenceCaseInfo;
  readonly generatedAt: Date;
  readonly entries: readonly EvidenceEntry[];
  readonly resourcesDir?: string;
}

export interface EvidenceBundleResult {
  readonly bytes: Uint8Array;
  readonly pageCount: number;
  /** 1-based page where each entry starts, in input order. */
  readonly startPages: readonly number[];
  readonly listedOnly: readonly { readonly documentId: string; readonly reason: ListedOnlyReason }[];
}

/** Text and e-mails longer than this are cut (a 2 MB chat export is ~700 pages). */
const MAX_TEXT_CHARS = 300_000;
/** Keys of copied pages that make a reader act (scripts, launches, form submission). */
const ACTION_KEYS = ['AA', 'A'] as const;

const zoned = (instant: string): string => formatDateTime(instant, 'es-CL');

export function formatBytes(size: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = size;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString('es-CL', { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}

function captionRows(meta: EvidenceEntryMeta): Inline[][] {
  return [
    [LABELS.category, meta.categoryLabel],
    [LABELS.party, meta.partyLabel],
    [LABELS.received, zoned(meta.receivedAt)],
    [LABELS.size, formatBytes(meta.sizeBytes)],
    [LABELS.type, meta.mediaType],
    ['SHA-256', [{ text: meta.sha256, mono: true }]],
  ];
}

const captionTable = (meta: EvidenceEntryMeta): Block => ({ kind: 'table', columns: [{ width: 1.2, style: { bold: true } }, { width: 4 }], rows: captionRows(meta) });

function coverAndIndex(input: EvidenceBundleInput, startPages: readonly number[]): Block[] {
  const { caseInfo, entries } = input;
  const facts: Inline[][] = [
    [LABELS.folio, caseInfo.folio],
    [LABELS.consumer, caseInfo.consumer],
    [LABELS.company, caseInfo.company],
    ...(caseInfo.mediator ? [[LABELS.mediator, caseInfo.mediator]] : []),
    [LABELS.generated, zoned(input.generatedAt.toISOString())],
    [LABELS.documents, String(entries.length)],
  ];
  const rows: Inline[][] = entries.map(({ meta }, i) => [
    String(i + 1),
    [
      { text: meta.fileName, bold: true },
      { text: `\n${meta.categoryLabel} · ${meta.partyLabel} · ${zoned(meta.receivedAt)} · ${formatBytes(meta.sizeBytes)}` },
    ],
    [{ text: meta.sha256, mono: true }],
    String(startPages[i] ?? ''),
  ]);
  return [
    { kind: 'heading', text: `${LABELS.title} — ${caseInfo.folio}` },
    { kind: 'table', columns: [{ width: 1.2, style: { bold: true } }, { width: 4 }], rows: facts },
    { kind: 'paragraph', content: LABELS.intro, align: 'justify', size: 9, color: 'grey' },
    { kind: 'heading', text: LABELS.index, level: 2 },
    entries.length === 0
      ? { kind: 'paragraph', content: LABELS.none }
      : {
          kind: 'table',
          columns: [{ header: LABELS.number, width: 0.45 }, { header: LABELS.document, width: 4 }, { header: 'SHA-256', width: 3.6 }, { header: LABELS.page, width: 0.6 }],
          rows,
        },
  ];
}

const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Drops the actions of a copied page and of its annotations; appearances (filled forms, stamps) stay. */
function neutraliseActions(page: PDFPage): void {
  for (const key of ACTION_KEYS) page.node.delete(PDFName.of(key));
  const annots = page.node.Annots();
  if (!annots) return;
  for (let i = 0; i < annots.size(); i++) {
    const annot = annots.lookupMaybe(i, PDFDict);
    for (const key of ACTION_KEYS) annot?.delete(PDFName.of(key));
  }
}

async function loadPdfForCopy(bytes: Uint8Array): Promise<PDFDocument | ListedOnlyReason> {
  try {
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    return pdf.getPageCount() > 0 ? pdf : 'pdf_damaged';
  } catch (error) {
    return error instanceof Error && /encrypt/i.test(error.message) ? 'pdf_encrypted' : 'pdf_damaged';
  }
}

/** PNG bytes of an image as displayed (EXIF orientation applied), or null when it cannot be decoded. */
async function imageAsPng(bytes: Uint8Array): Promise<{ png: Uint8Array; width: number; height: number } | null> {
  try {
    const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (image.width < 1 || image.height < 1 || image.width * image.height > 100_000_000) return null;
    const canvas = createCanvas(image.width, image.height);
    canvas.getContext('2d').drawImage(image, 0, 0);
    return { png: await canvas.encode('png'), width: image.width, height: image.height };
  } catch {
    return null;
  }
}

async function textBlocks(entry: EvidenceEntry & { bytes: Uint8Array }): Promise<Block[]> {
  const clip = (text: string): Inline => {
    const shown = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
    return shown.length < text.length ? [{ text: shown }, { text: `\n\n${LABELS.truncated(MAX_TEXT_CHARS)}`, italic: true }] : shown;
  };
  if (entry.meta.kind === 'email') {
    const email = await parseEmail(entry.bytes);
    const headers: Inline[][] = [
      [LABELS.emailFrom, email.from],
      [LABELS.emailTo, email.to],
      ...(email.cc ? [[LABELS.emailCc, email.cc]] : []),
      [LABELS.emailSubject, email.subject],
      [LABELS.emailDate, email.date ? zoned(email.date) : '—'],
      ...(email.attachments.length > 0
        ? [[LABELS.emailAttachments, email.attachments.map((a) => `${a.fileName} (${a.mediaType}, ${formatBytes(a.sizeBytes)})`).join('\n')]]
        : []),
    ];
    return [{ kind: 'table', columns: [{ width: 1.2, style: { bold: true } }, { width: 4 }], rows: headers }, { kind: 'paragraph', content: clip(email.text) }];
  }
  return [{ kind: 'paragraph', content: clip(new TextDecoder('utf-8').decode(entry.bytes)), size: 9.5 }];
}

/**
 * Builds the bundle. Never fails because of one document: what cannot be reproduced gets a
 * listing page and is reported in `listedOnly`. Bytes whose SHA-256 differs from the recorded
 * one are never reproduced under that hash.
 */
export async function buildEvidenceBundle(input: EvidenceBundleInput): Promise<EvidenceBundleResult> {
  const typesetter = await Typesetter.create({
    title: `${LABELS.title} — ${input.caseInfo.folio}`,
    folio: input.caseInfo.folio,
    generatedAt: input.generatedAt,
    subject: LABELS.index,
    resourcesDir: input.resourcesDir,
  });
  const doc = typesetter.doc;
  const total = input.entries.length;
  const relativeStarts: number[] = [];
  const listedOnly: { documentId: string; reason: ListedOnlyReason }[] = [];

  for (const [index, entry] of input.entries.entries()) {
    const { meta, bytes } = entry;
    relativeStarts.push(doc.getPageCount());
    const heading: Block = { kind: 'heading', text: LABELS.docHeading(index + 1, total, meta.fileName) };
    const listOnly = async (reason: ListedOnlyReason): Promise<void> => {
      listedOnly.push({ documentId: meta.documentId, reason });
      typesetter.newPage();
      await typesetter.write([heading, captionTable(meta), { kind: 'banner', text: `${LABELS.notReproducible}: ${LABELS.reasons[reason]}` }]);
    };
    if (bytes === null) {
      await listOnly('not_available_offline');
      continue;
    }
    if (sha256Hex(bytes) !== meta.sha256) {
      await listOnly('hash_mismatch');
      continue;
    }
    switch (meta.kind) {
      case 'pdf': {
        const source = await loadPdfForCopy(bytes);
        if (typeof source === 'string') {
          await listOnly(source);
          break;
        }
        const pages = await doc.copyPages(source, source.getPageIndices());
        for (const page of pages) {
          neutraliseActions(page);
          doc.addPage(page);
          typesetter.setFooterNote(page, LABELS.footer(index + 1, meta.fileName, meta.sha256));
        }
        break;
      }
      case 'image': {
        const image = await imageAsPng(bytes);
        if (!image) {
          await listOnly('image_damaged');
          break;
        }
        typesetter.newPage();
        await typesetter.write([heading, captionTable(meta), { kind: 'spacer', height: 4 }]);
        const area = typesetter.freeArea();
        const embedded = await doc.embedPng(image.png);
        // Fit inside the free area; small screenshots grow to at most 1.5 pt per pixel (2× their 96 dpi size).
        const scale = Math.min(area.width / image.width, (area.top - area.bottom) / image.height, 1.5);
        const width = image.width * scale;
        const height = image.height * scale;
        area.page.drawImage(embedded, { x: area.x + (area.width - width) / 2, y: area.top - height, width, height });
        // A hairline frame, so that a white-edged screenshot is told from the page.
        area.page.drawRectangle({ x: area.x + (area.width - width) / 2, y: area.top - height, width, height, borderWidth: 0.4, borderColor: rgb(0.6, 0.6, 0.6) });
        typesetter.advance(height);
        break;
      }
      case 'text':
      case 'email':
        typesetter.newPage();
        await typesetter.write([heading, captionTable(meta), ...(await textBlocks({ meta, bytes }))]);
        break;
      case 'audio':
      case 'video':
      case 'other':
        await listOnly(meta.kind);
        break;
    }
  }

  // The index goes first but needs the page numbers, which depend on its own length: measure
  // it in a scratch document until the numbers it prints give the length it has, then set it
  // for real at the end and move its pages to the front.
  let indexPages = await measureIndex(input, relativeStarts.map((start) => start + 1));
  for (let round = 0; round < 3; round++) {
    const measured = await measureIndex(input, relativeStarts.map((start) => start + indexPages + 1));
    if (measured === indexPages) break;
    indexPages = measured;
  }
  const startPages = relativeStarts.map((start) => start + indexPages + 1);
  const indexStart = doc.getPageCount();
  typesetter.newPage();
  await typesetter.write(coverAndIndex(input, startPages));
  const written = doc.getPageCount() - indexStart;
  if (written !== indexPages) throw new Error(`The index took ${written} pages, measured ${indexPages}`);
  for (let i = 0; i < written; i++) {
    const page = doc.getPage(indexStart + i);
    doc.removePage(indexStart + i);
    doc.insertPage(i, page);
  }
  const bytes = await typesetter.save();
  return { bytes, pageCount: doc.getPageCount(), startPages, listedOnly };
}

async function measureIndex(input: EvidenceBundleInput, startPages: readonly number[]): Promise<number> {
  const scratch = await Typesetter.create({ title: '', generatedAt: input.generatedAt, resourcesDir: input.resourcesDir });
  scratch.newPage();
  await scratch.write(coverAndIndex(input, startPages));
  return scratch.doc.getPageCount();
}
