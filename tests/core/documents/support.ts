import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { CaseBundle } from '../../../shared/domain/case';
import { createHandlers } from '../../../electron/core/api/handlers';
import { dispatch, type Handlers } from '../../../electron/core/api/dispatch';
import type { Store } from '../../../electron/core/db/store';
import { DocumentService } from '../../../electron/core/documents/document-service';
import { EventBus } from '../../../electron/core/events/event-bus';
import { caseRepository } from '../../../electron/core/repositories/case-repository';
import type { OperationName } from '../../../shared/contract/operations';
import type { Result } from '../../../shared/contract/result';
import { NOW, makeBundles, makeTempDir, openTestStore } from '../support/fixtures';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/documents');

export interface DocumentsWorld {
  readonly dir: string;
  readonly store: Store;
  readonly documents: DocumentService;
  readonly handlers: Handlers;
  readonly events: EventBus;
  readonly cases: CaseBundle[];
  call<N extends OperationName>(name: N, input: unknown): Promise<Result<unknown>>;
  /** Stages bytes like a host would and imports them; returns the dispatch Result. */
  importBytes(bytes: Uint8Array, fileName: string, caseIndex?: number, visibility?: string): Promise<Result<unknown>>;
  /** Every file under the blob store (relative paths). */
  blobFiles(): Promise<string[]>;
}

export async function openDocumentsWorld(host: 'web' | 'electron' = 'web'): Promise<DocumentsWorld> {
  const dir = await makeTempDir();
  const store = await openTestStore(dir);
  const cases = makeBundles(3, 11);
  await caseRepository.importBundles(store, cases, NOW);
  const events = new EventBus();
  const now = () => NOW;
  const documents = new DocumentService({ store, events, dataDir: dir, host, now });
  await documents.start();
  const handlers = createHandlers({ store, events, now, host: 'web', appVersion: '0.0.0-test', documents });
  const call = (name: OperationName, input: unknown) => dispatch(handlers, name, input);
  return {
    dir,
    store,
    documents,
    handlers,
    events,
    cases,
    call,
    async importBytes(bytes, fileName, caseIndex = 0, visibility = 'joint') {
      let staged;
      try {
        staged = await documents.stage([bytes], fileName, bytes.length);
      } catch (error) {
        return { ok: false, error: (error as { toShape(): never }).toShape() };
      }
      return call('importDocument', { caseId: cases[caseIndex]?.case.id, staged, category: 'boleta', visibility });
    },
    async blobFiles() {
      const root = join(dir, 'documents');
      const found: string[] = [];
      for (const shard of await readdir(root)) {
        if (shard.startsWith('.')) found.push(shard);
        else for (const name of await readdir(join(root, shard))) found.push(`${shard}/${name}`);
      }
      return found.sort();
    },
  };
}

/** A real multi-page PDF with a text layer, one line per page. */
export async function makePdf(lines: readonly string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const line of lines) doc.addPage([595, 842]).drawText(line, { x: 60, y: 760, size: 14, font });
  return doc.save();
}

export function makeImage(type: 'image/png' | 'image/jpeg'): Buffer {
  const canvas = createCanvas(64, 48);
  const context = canvas.getContext('2d');
  context.fillStyle = '#2a6';
  context.fillRect(0, 0, 64, 48);
  context.fillStyle = '#fff';
  context.fillRect(10, 10, 20, 20);
  return type === 'image/png' ? canvas.toBuffer('image/png') : canvas.toBuffer('image/jpeg');
}

/** A hand-written multipart e-mail: a text part (unless htmlOnly), an HTML part and a PDF attachment. */
export function makeEmail(htmlOnly = false): Buffer {
  const text = 'Estimada tienda:\r\nEl pedido 4471 llegó con la pantalla trizada. Adjunto la boleta.\r\n';
  const html = '<html><head><style>p{color:red}</style><script>alert(1)</script></head><body><p>Estimada tienda:</p><p>El pedido <b>4471</b> llegó con la pantalla&nbsp;trizada &amp; rota.</p></body></html>';
  const parts = [
    ...(htmlOnly ? [] : [`--b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${text}\r\n`]),
    `--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n`,
    `--b1\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename="boleta 4471.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from('%PDF-1.4 fake').toString('base64')}\r\n`,
    '--b1--\r\n',
  ];
  return Buffer.from(
    [
      'From: "Camila Rojas" <camila.rojas@example.cl>',
      'To: reclamos@tienda.example.cl',
      'Cc: mediacion@cam-santiago.example',
      'Subject: =?utf-8?Q?Reclamo_pedido_4471_=E2=80=93_pantalla_trizada?=',
      'Date: Tue, 03 Nov 2026 10:15:00 -0300',
      'Message-ID: <4471@example.cl>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      parts.join(''),
    ].join('\r\n'),
    'utf8',
  );
}

export const valueOf = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(`Expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
};

export const reasonOf = (result: Result<unknown>): string | undefined => (result.ok ? undefined : result.error.issues?.[0]?.reason);
