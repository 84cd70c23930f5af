// The PDF worker pool: jobs run on another thread with their errors intact, a crashed or
// overrunning thread fails only its job, and the caller's event loop stays free meanwhile.
import { performance } from 'node:perf_hooks';
import { threadId } from 'node:worker_threads';
import { PDFDict, PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/errors';
import { DocumentRefused } from '../../../electron/core/documents/refusal';
import { closePdfWorkers, extractText, PDF_WORKER_SCRIPT } from '../../../electron/core/pdf/off-thread';
import { PdfRefusal } from '../../../electron/core/pdf/pdf-refusal';
import { PdfWorkerPool, type PdfPoolOptions } from '../../../electron/core/pdf/pdf-pool';
import { encryptedPdf, garbagePdf, textPdf } from './sample-pdfs';

const pools: PdfWorkerPool[] = [];
const pool = (options: Omit<PdfPoolOptions, 'script'> = {}): PdfWorkerPool => {
  const created = new PdfWorkerPool({ script: PDF_WORKER_SCRIPT, ...options });
  pools.push(created);
  return created;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

/** What a rejected job threw, for matching. */
const failure = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => expect.unreachable('the job succeeded'), (error: unknown) => error);

/** `pages` pages of ~40 lines each, like a bank statement (the bench's PDF). */
async function longPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= pages; p++) {
    const page = doc.addPage([595, 842]);
    for (let line = 0; line < 40; line++) page.drawText(`Página ${p}, línea ${line + 1}: cargo no reconocido`, { x: 40, y: 800 - line * 19, size: 10, font });
  }
  return doc.save();
}

/** One page holding `count` separate words: pdfjs builds an object per word, far beyond a small heap. */
async function denseTextPdf(count: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText('x', { x: 10, y: 10, size: 1, font });
  const fontKey = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict)?.keys()[0]?.asString();
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(`1 0 0 1 ${i % 500} ${Math.floor(i / 500) % 800} Tm (w${i}) Tj`);
  page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(`BT ${fontKey} 1 Tf ${words.join(' ')} ET`)));
  return doc.save();
}

describe('PDF worker pool', () => {
  it('runs a job on a worker thread and moves whole buffers to it instead of copying', async () => {
    const p = pool();
    const bytes = await textPdf([['Boleta 1'], ['Boleta 2']]);
    const outcome = await p.run('extractText', [bytes]);
    expect(outcome.value).toEqual(['Boleta 1', 'Boleta 2']);
    expect(outcome.threadId).not.toBe(threadId);
    expect(bytes.byteLength).toBe(0);

    // A view on part of a buffer is copied: the rest of the buffer is still the caller's.
    const source = await textPdf([['Parte']]);
    const padded = new Uint8Array(source.length + 8);
    padded.set(source, 8);
    const view = padded.subarray(8, 8 + source.length);
    expect((await p.run('extractText', [view])).value).toEqual(['Parte']);
    expect(view.byteLength).toBe(source.length);
  });

  it('keeps the class, reason and code of the errors thrown in the worker', async () => {
    const p = pool();
    const damaged = await failure(p.run('extractText', [garbagePdf()]));
    expect(damaged).toBeInstanceOf(PdfRefusal);
    expect(damaged).toMatchObject({ code: 'invalid_input', reason: 'pdf_damaged', issues: [{ path: 'file', reason: 'pdf_damaged' }] });
    expect(await failure(p.run('extractText', [await encryptedPdf()]))).toMatchObject({ name: 'PdfRefusal', reason: 'pdf_encrypted' });
    expect(await failure(p.run('redactImage', [new Uint8Array([1, 2, 3]), 'image/tiff', []]))).toMatchObject({ name: 'PdfRefusal', reason: 'unsupported_redaction' });

    const wrongPage = await failure(p.run('redactPdf', [await textPdf([['Una página']]), [{ page: 3, x: 0, y: 0, width: 1, height: 1 }]]));
    expect(wrongPage).toBeInstanceOf(AppError);
    expect(wrongPage).not.toBeInstanceOf(DocumentRefused);
    expect(wrongPage).toMatchObject({ code: 'invalid_input', issues: [{ path: 'regions.0.page' }] });
  });

  it('fails only the job whose worker ran out of memory, and runs the next job on a new thread', async () => {
    const p = pool({ resourceLimits: { maxOldGenerationSizeMb: 192 } });
    const first = await p.run('extractText', [await textPdf([['Antes']])]);
    const crashed = await failure(p.run('extractText', [await denseTextPdf(300_000)]));
    expect(crashed).toBeInstanceOf(DocumentRefused);
    expect(crashed).toMatchObject({ reason: 'processing_failed', message: expect.stringMatching(/memory/) });
    const next = await p.run('extractText', [await textPdf([['Después']])]);
    expect(next.value).toEqual(['Después']);
    expect(next.threadId).not.toBe(first.threadId);
  }, 60_000);

  it('stops a worker whose job overruns its time limit, failing that job only', async () => {
    const p = pool();
    const stuck = p.run('extractText', [await longPdf(50)], { timeLimitMs: 1 });
    const queued = p.run('extractText', [await textPdf([['En cola']])]);
    expect(await failure(stuck)).toMatchObject({ reason: 'processing_failed', message: expect.stringMatching(/did not finish within 1 ms/) });
    expect((await queued).value).toEqual(['En cola']);
  });

  it('runs at most two threads; close fails the jobs in flight, and a later job starts a thread again', async () => {
    const p = pool({ size: 5 });
    const pdfs = await Promise.all([1, 2, 3, 4].map((n) => textPdf([[`Documento ${n}`]])));
    const outcomes = await Promise.all(pdfs.map((bytes) => p.run('extractText', [bytes])));
    expect(outcomes.map((o) => o.value[0])).toEqual(['Documento 1', 'Documento 2', 'Documento 3', 'Documento 4']);
    expect(new Set(outcomes.map((o) => o.threadId)).size).toBe(2);
    const long = await Promise.all([1, 2, 3].map(() => longPdf(50)));
    const inFlight = long.map((bytes) => failure(p.run('extractText', [bytes])));
    await p.close();
    for (const error of await Promise.all(inFlight)) expect(error).toMatchObject({ reason: 'processing_failed', message: expect.stringMatching(/closing/) });
    const after = await p.run('extractText', [await textPdf([['Otra vez']])]);
    expect(after.value).toEqual(['Otra vez']);
    expect(outcomes.map((o) => o.threadId)).not.toContain(after.threadId);
  });

  it("leaves the caller's event loop free while it extracts a 300-page PDF", async () => {
    const bytes = await longPdf(300);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const before = performance.eventLoopUtilization();
    try {
      expect(await extractText(bytes)).toHaveLength(300);
    } finally {
      clearInterval(timer);
    }
    // Busy share of the caller's thread: ~0.01 here, above 0.6 with pdfjs on the same thread.
    const { utilization } = performance.eventLoopUtilization(before);
    expect(ticks).toBeGreaterThan(20);
    expect(utilization).toBeLessThan(0.25);
    await closePdfWorkers();
  });
});
