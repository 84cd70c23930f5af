// Real evidence for the seeded cases, generated deterministically: a two-page receipt (boleta,
// factura or comprobante de pago) and a courier dispatch report as PDFs, a JPEG photo of the
// damage, a PNG screenshot of the store's chat, an e-mail from the store (.eml with the receipt
// attached) and a .txt export of the chat, all in Spanish with the case's store, order number
// and amount. Cheap per case (10 000 cases are seeded): PDFs are templates filled in place
// (evidence-pdf.ts), the few images are drawn once per variant or brand, and only the recipe
// of a document is stored — its bytes are made again, identical, when it is downloaded.
// So a change to a template changes the bytes of documents already seeded: a platform database
// seeded by an older version answers 500 for them (documents.ts checks) — reseed it.
import { createHash } from 'node:crypto';
import type { CaseBundle } from '../../shared/domain/case';
import { formatRut } from '../../shared/domain/rut';
import { formatClp } from '../../shared/format/clp';
import { COURIERS } from '../core/demo/vocabulary';
import { damagePhotoJpeg, storeChatPng } from './evidence-images';
import { buildPdfTemplate, type PdfTemplate } from './evidence-pdf';

export type ReceiptKind = 'boleta' | 'factura' | 'comprobante_pago';
type TemplateName = ReceiptKind | 'courier';

/** How to make a document's bytes again: a template and its values (stored as JSON). */
export type EvidenceRecipe =
  | { readonly make: TemplateName; readonly values: Readonly<Record<string, string>> }
  | { readonly make: 'email'; readonly values: Readonly<Record<string, string>> }
  | { readonly make: 'chat_txt'; readonly values: Readonly<Record<string, string>> };

export interface SeededEvidence {
  readonly fileName: string;
  readonly mediaType: string;
  readonly bytes: Buffer;
  readonly sha256: string;
  /** Small generated files are stored as their recipe; shared images as bytes. */
  readonly recipe: EvidenceRecipe | null;
}

export interface CaseEvidence {
  receipt(kind: ReceiptKind, number: number): SeededEvidence;
  courierReport(trackingNumber: number): SeededEvidence;
  damagePhoto(variant: number): SeededEvidence;
  chatScreenshot(): SeededEvidence;
  storeEmail(): SeededEvidence;
  chatExport(): SeededEvidence;
}

export interface EvidenceKit {
  forCase(bundle: CaseBundle): CaseEvidence;
  /** The bytes of a stored recipe (the same bytes, hence the same SHA-256, as when seeded). */
  render(recipe: EvidenceRecipe): Buffer;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const evidence = (fileName: string, mediaType: string, bytes: Buffer, recipe: EvidenceRecipe | null): SeededEvidence => ({ fileName, mediaType, bytes, sha256: sha256(bytes), recipe });
const chileanDate = (localDate: string): string => localDate.split('-').reverse().join('-');
const addDays = (localDate: string, days: number): string => new Date(Date.parse(`${localDate}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const RECEIPT_TITLE: Record<ReceiptKind, string> = { boleta: 'BOLETA ELECTRÓNICA', factura: 'FACTURA ELECTRÓNICA', comprobante_pago: 'COMPROBANTE DE PAGO' };
const RECEIPT_FILE: Record<ReceiptKind, string> = { boleta: 'boleta.pdf', factura: 'factura.pdf', comprobante_pago: 'comprobante-pago.pdf' };

let kitPromise: Promise<EvidenceKit> | null = null;

/** Builds the templates once per process (~100 ms). */
export const loadEvidenceKit = (): Promise<EvidenceKit> => (kitPromise ??= buildKit());

async function buildKit(): Promise<EvidenceKit> {
  const templates: Record<TemplateName, PdfTemplate> = {
    boleta: await receiptTemplate('boleta'),
    factura: await receiptTemplate('factura'),
    comprobante_pago: await receiptTemplate('comprobante_pago'),
    courier: await courierTemplate(),
  };
  const photos = new Map<number, Buffer>();
  const chats = new Map<string, Buffer>();

  const render = (recipe: EvidenceRecipe): Buffer => {
    switch (recipe.make) {
      case 'email':
        return Buffer.from(storeEmailText(recipe.values, templates.boleta.render(recipe.values)), 'utf8');
      case 'chat_txt':
        return Buffer.from(chatExportText(recipe.values), 'utf8');
      default:
        return templates[recipe.make].render(recipe.values);
    }
  };
  const fromRecipe = (fileName: string, mediaType: string, recipe: EvidenceRecipe): SeededEvidence => evidence(fileName, mediaType, render(recipe), recipe);

  return {
    render,
    forCase(bundle) {
      const values = caseValues(bundle);
      return {
        receipt: (kind, number) => fromRecipe(RECEIPT_FILE[kind], 'application/pdf', { make: kind, values: { ...values, number: String(number) } }),
        courierReport: (trackingNumber) =>
          fromRecipe('informe-despacho.pdf', 'application/pdf', { make: 'courier', values: { ...values, tracking: `${values.courierCode}${trackingNumber}`, ...courierEvents(values) } }),
        damagePhoto(variant) {
          const bytes = photos.get(variant) ?? damagePhotoJpeg(variant);
          photos.set(variant, bytes);
          return evidence(`foto-danio-${variant + 1}.jpg`, 'image/jpeg', bytes, null);
        },
        chatScreenshot() {
          const brand = values.brand ?? '';
          const bytes = chats.get(brand) ?? storeChatPng(brand, chatLines(brand));
          chats.set(brand, bytes);
          return evidence('captura-chat-tienda.png', 'image/png', bytes, null);
        },
        storeEmail: () => fromRecipe('correo-tienda.eml', 'message/rfc822', { make: 'email', values: { ...values, number: String(1_000 + (Number.parseInt(values.seed ?? '0', 16) % 90_000)) } }),
        chatExport: () => fromRecipe('chat-tienda.txt', 'text/plain', { make: 'chat_txt', values }),
      };
    },
  };
}

/** What the templates print about a case. */
function caseValues(bundle: CaseBundle): Record<string, string> {
  const c = bundle.case;
  const consumer = bundle.parties.find((p) => p.role === 'consumer');
  const company = bundle.parties.find((p) => p.role === 'company');
  const seed = createHash('sha256').update(c.id).digest('hex').slice(0, 8);
  const courier = COURIERS[Number.parseInt(seed, 16) % COURIERS.length] ?? 'Chilexpress';
  const domain = (company?.email?.split('@')[1] ?? 'tienda.example').toLowerCase();
  return {
    seed,
    folio: c.folio,
    brand: c.brandName,
    legalName: company?.name ?? c.brandName,
    rut: company?.rut ? formatRut(company.rut) : '—',
    store: c.storeName,
    order: c.orderNumber,
    amount: formatClp(c.amountClp),
    net: formatClp(Math.round(c.amountClp / 1.19)),
    tax: formatClp(c.amountClp - Math.round(c.amountClp / 1.19)),
    purchaseDate: chileanDate(c.purchaseDate),
    purchaseIso: c.purchaseDate,
    consumer: consumer?.name ?? 'Cliente',
    consumerEmail: consumer?.email ?? 'cliente@correo.example',
    storeEmail: `servicioalcliente@${domain}`,
    courier,
    courierCode: courier.slice(0, 2).toUpperCase(),
  };
}

function courierEvents(values: Record<string, string>): Record<string, string> {
  const day = values.purchaseIso ?? '2026-01-01';
  return {
    event1: `${chileanDate(addDays(day, 1))} 10:42  Recibido en centro de distribución`,
    event2: `${chileanDate(addDays(day, 2))} 08:15  En ruta a la comuna de destino`,
    event3: `${chileanDate(addDays(day, 3))} 19:03  Intento de entrega fallido: destinatario ausente`,
    event4: `${chileanDate(addDays(day, 5))} 17:30  Entregado — bulto con daño visible en el embalaje`,
  };
}

function receiptTemplate(kind: ReceiptKind): Promise<PdfTemplate> {
  return buildPdfTemplate(RECEIPT_TITLE[kind], [
    (p) => {
      p.slot('legalName', 60, 50, 790, { size: 13, bold: true });
      p.text('R.U.T.:', 50, 772);
      p.slot('rut', 16, 90, 772);
      p.text(RECEIPT_TITLE[kind], 360, 790, { size: 13, bold: true, color: [0.7, 0.1, 0.1] });
      p.text('N°', 360, 772, { bold: true });
      p.slot('number', 12, 380, 772, { bold: true });
      p.rule(755);
      p.text('Fecha de emisión:', 50, 730);
      p.slot('purchaseDate', 10, 150, 730);
      p.text('Tienda:', 50, 714);
      p.slot('store', 60, 150, 714);
      p.text('N° de pedido:', 50, 698);
      p.slot('order', 30, 150, 698);
      p.text('Cliente:', 50, 682);
      p.slot('consumer', 60, 150, 682);
      p.rule(665);
      p.text('Detalle', 50, 645, { bold: true });
      p.text('Total', 470, 645, { bold: true });
      p.text('Compra según pedido', 50, 627);
      p.slot('order', 30, 160, 627);
      p.slot('amount', 16, 470, 627);
      p.text('Despacho a domicilio', 50, 611);
      p.text('$0', 470, 611);
      p.rule(595);
      p.text('Neto', 380, 577);
      p.slot('net', 16, 470, 577);
      p.text('IVA (19 %)', 380, 561);
      p.slot('tax', 16, 470, 561);
      p.text('TOTAL', 380, 541, { bold: true, size: 12 });
      p.slot('amount', 16, 470, 541, { bold: true, size: 12 });
      p.text('Timbre electrónico SII — verifique este documento en www.sii.cl', 50, 90, { size: 8 });
      p.text('Página 1 de 2', 480, 40, { size: 8 });
    },
    (p) => {
      p.text('Condiciones de la compra', 50, 790, { size: 13, bold: true });
      p.text('Pedido', 50, 770);
      p.slot('order', 30, 95, 770);
      p.text('Tienda', 50, 754);
      p.slot('store', 60, 95, 754);
      const terms = [
        'Derecho a retracto: 10 días desde la recepción del producto en compras a distancia (Ley 19.496).',
        'Garantía legal: 6 meses para cambio, devolución o reparación del producto con fallas.',
        'El despacho es responsabilidad de la tienda hasta la entrega al cliente.',
        'Conserve esta boleta: es necesaria para cualquier reclamo o cambio.',
        'Para reclamos, escriba a servicio al cliente indicando el número de pedido.',
      ];
      terms.forEach((term, i) => p.text(`${i + 1}. ${term}`, 50, 720 - i * 20, { size: 9 }));
      p.text('Página 2 de 2', 480, 40, { size: 8 });
    },
  ]);
}

function courierTemplate(): Promise<PdfTemplate> {
  return buildPdfTemplate('Seguimiento de envío', [
    (p) => {
      p.slot('courier', 20, 50, 790, { size: 16, bold: true });
      p.text('Seguimiento de envío', 50, 768, { size: 13 });
      p.rule(755);
      p.text('N° de seguimiento:', 50, 730);
      p.slot('tracking', 20, 160, 730, { bold: true });
      p.text('Remitente:', 50, 714);
      p.slot('legalName', 60, 160, 714);
      p.text('Pedido:', 50, 698);
      p.slot('order', 30, 160, 698);
      p.text('Destinatario:', 50, 682);
      p.slot('consumer', 60, 160, 682);
      p.rule(665);
      p.text('Historial del envío', 50, 645, { bold: true });
      p.slot('event1', 70, 50, 625);
      p.slot('event2', 70, 50, 607);
      p.slot('event3', 70, 50, 589);
      p.slot('event4', 70, 50, 571);
      p.text('Documento emitido para fines de reclamo. Informe de despacho de la empresa.', 50, 90, { size: 8 });
    },
  ]);
}

function chatLines(brand: string): Array<{ fromStore: boolean; text: string }> {
  return [
    { fromStore: true, text: `Hola, bienvenido al chat de ${brand}. ¿En qué le podemos ayudar?` },
    { fromStore: false, text: 'Hola, mi pedido llegó con la caja rota y el producto dañado.' },
    { fromStore: true, text: 'Lamentamos lo ocurrido. ¿Nos indica su número de pedido?' },
    { fromStore: false, text: 'Se lo envié por correo con fotos. Quiero el cambio o la devolución del dinero.' },
    { fromStore: true, text: 'Su caso fue derivado al área de postventa. Le responderán en 5 días hábiles.' },
    { fromStore: false, text: 'Ya pasaron dos semanas y nadie me contesta.' },
  ];
}

function storeEmailText(v: Readonly<Record<string, string>>, receipt: Buffer): string {
  const boundary = `mesa-${v.seed ?? '0'}`;
  const base64 = receipt.toString('base64');
  const lines: string[] = [];
  for (let at = 0; at < base64.length; at += 76) lines.push(base64.slice(at, at + 76));
  const attachment = lines.join('\r\n');
  const subject = `Re: Reclamo pedido ${v.order ?? ''}`;
  return [
    `From: ${v.brand ?? ''} <${v.storeEmail ?? ''}>`,
    `To: ${v.consumer ?? ''} <${v.consumerEmail ?? ''}>`,
    `Subject: =?UTF-8?B?${Buffer.from(subject, 'utf8').toString('base64')}?=`,
    `Date: ${new Date(`${v.purchaseIso ?? '2026-01-01'}T14:00:00-03:00`).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${v.seed ?? '0'}.${(v.order ?? '').replace(/[^\w-]/g, '')}@${(v.storeEmail ?? '@x').split('@')[1] ?? 'tienda.example'}>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    `Estimado(a) ${v.consumer ?? ''}:`,
    '',
    `Hemos recibido su reclamo por el pedido ${v.order ?? ''} comprado en ${v.store ?? ''} el ${v.purchaseDate ?? ''} por ${v.amount ?? ''}.`,
    'Según nuestros registros el producto fue despachado en buen estado. Para evaluar un cambio o',
    'devolución necesitamos que nos envíe fotos del embalaje y del producto dentro de 5 días hábiles.',
    '',
    'Adjuntamos la boleta de su compra.',
    '',
    'Atentamente,',
    `Servicio al cliente ${v.brand ?? ''}`,
    '',
    `--${boundary}`,
    'Content-Type: application/pdf; name="boleta.pdf"',
    'Content-Disposition: attachment; filename="boleta.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    attachment,
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

function chatExportText(v: Readonly<Record<string, string>>): string {
  const day = v.purchaseIso ?? '2026-01-01';
  const at = (offset: number, time: string): string => `[${chileanDate(addDays(day, offset))} ${time}]`;
  return [
    `Exportación del chat con ${v.brand ?? ''} — pedido ${v.order ?? ''}`,
    `${at(6, '10:02')} ${v.consumer ?? ''}: Hola, mi pedido ${v.order ?? ''} llegó dañado.`,
    `${at(6, '10:05')} ${v.brand ?? ''}: Hola ${v.consumer ?? ''}, lamentamos lo ocurrido. ¿Puede enviarnos fotos?`,
    `${at(6, '10:11')} ${v.consumer ?? ''}: Ya las envié. Pagué ${v.amount ?? ''} y quiero la devolución.`,
    `${at(7, '16:40')} ${v.brand ?? ''}: Su caso está en revisión por el área de postventa.`,
    `${at(12, '09:15')} ${v.consumer ?? ''}: Siguen sin responderme. Voy a reclamar en la plataforma.`,
    '',
  ].join('\n');
}
