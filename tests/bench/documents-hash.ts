/**
 * Documents benchmarks: import + hash rate of the content-addressed store against `sha256sum`
 * over the same files, and text extraction from a 300-page PDF. Figures only, no assertions.
 * Run alone: npx tsx tests/bench/documents-hash.ts (also part of `npm run bench`).
 */
import { execFile } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { openStore } from '../../electron/core/db/store';
import { inspectPdf } from '../../electron/core/documents/content-inspection';
import { DocumentService } from '../../electron/core/documents/document-service';
import { EventBus } from '../../electron/core/events/event-bus';
import { closePdfWorkers } from '../../electron/core/pdf/off-thread';
import { extractText as extractTextHere } from '../../electron/core/pdf/pdfjs-node';
import { DEMO_MEDIATORS, generateDemoCases } from '../../electron/core/demo/generator';
import { caseRepository } from '../../electron/core/repositories/case-repository';
import { profileRepository } from '../../electron/core/repositories/profile-repository';
import { report } from './stats';

const MB = 1024 * 1024;

async function randomFile(path: string, bytes: number): Promise<void> {
  const chunk = Buffer.alloc(Math.min(bytes, 16 * MB));
  const handle = await open(path, 'w');
  try {
    for (let written = 0; written < bytes; written += chunk.length) await handle.write(randomFillSync(chunk), 0, Math.min(chunk.length, bytes - written));
  } finally {
    await handle.close();
  }
}

export interface HashBench {
  readonly label: string;
  readonly megabytes: number;
  readonly importMBps: number;
  readonly sha256sumMBps: number;
}

/** Stages (stream, hash, fsync) and imports each file through the operations, then runs sha256sum on the same files. */
export async function benchDocumentHashing(sets: ReadonlyArray<{ label: string; count: number; megabytes: number }> = [
  { label: '20 × 10 MB', count: 20, megabytes: 10 },
  { label: '1 × 200 MB', count: 1, megabytes: 200 },
]): Promise<HashBench[]> {
  const dir = await mkdtemp(join(tmpdir(), 'mesa-bench-docs-'));
  try {
    const store = await openStore(join(dir, 'mesa.sqlite'));
    const now = new Date();
    await store.write(async (trx) => {
      await profileRepository.upsertMediators(trx, DEMO_MEDIATORS);
      await profileRepository.setCurrentUser(trx, DEMO_MEDIATORS.find((m) => m.role === 'mediator')?.id ?? '');
    });
    const [bundle] = [...generateDemoCases({ seed: 7, count: 1, now, mediators: DEMO_MEDIATORS })];
    if (!bundle) throw new Error('no demo case');
    await caseRepository.importBundles(store, [bundle], now);
    const events = new EventBus();
    const documents = new DocumentService({ store, events, dataDir: dir, host: 'web', now: () => new Date() });
    const handlers = createHandlers({ store, events, now: () => new Date(), host: 'web', appVersion: 'bench', documents });
    const results: HashBench[] = [];
    for (const set of sets) {
      const files: string[] = [];
      for (let i = 0; i < set.count; i++) {
        const path = join(dir, `input-${set.megabytes}-${i}.bin`);
        await randomFile(path, set.megabytes * MB);
        files.push(path);
      }
      const total = set.count * set.megabytes;
      let start = performance.now();
      for (const path of files) {
        const staged = await documents.stage(createReadStream(path), 'datos.bin', (await stat(path)).size);
        const result = await dispatch(handlers, 'importDocument', { caseId: bundle.case.id, staged, category: 'otro', visibility: 'mediator_only' });
        if (!result.ok) throw new Error(result.error.message);
      }
      const importMBps = total / ((performance.now() - start) / 1000);
      start = performance.now();
      await promisify(execFile)('sha256sum', files, { maxBuffer: 16 * MB });
      const sha256sumMBps = total / ((performance.now() - start) / 1000);
      results.push({ label: set.label, megabytes: total, importMBps, sha256sumMBps });
      for (const path of files) await rm(path);
    }
    store.close();
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Text extraction (pdfjs on the PDF worker, every page) of a generated 300-page PDF with ~40
 * lines per page, after a one-page extraction has started the worker; with the longest stall
 * of the caller's event loop meanwhile (what IPC would wait for in Electron's main process),
 * and that stall when pdfjs runs on the caller's thread instead, for comparison.
 */
export async function benchTextExtraction(pages = 300): Promise<{ pages: number; megabytes: number; ms: number; maxStallMs: number; inProcessMaxStallMs: number }> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= pages; p++) {
    const page = doc.addPage([595, 842]);
    for (let line = 0; line < 40; line++) {
      page.drawText(`Página ${p}, línea ${line + 1}: cartola de movimientos, cargo no reconocido de $${(p * 1_000 + line).toLocaleString('es-CL')}`, { x: 40, y: 800 - line * 19, size: 10, font });
    }
  }
  const bytes = await doc.save();
  const megabytes = bytes.length / MB;
  await inspectPdf(await warmUpPdf());
  await extractTextHere(await warmUpPdf());
  const inProcess = await withStalls(() => extractTextHere(bytes.slice()));
  const worker = await withStalls(() => inspectPdf(bytes));
  await closePdfWorkers();
  if (worker.value.pageCount !== pages) throw new Error(`extracted ${String(worker.value.pageCount)} pages`);
  return { pages, megabytes, ms: worker.ms, maxStallMs: worker.maxStallMs, inProcessMaxStallMs: inProcess.maxStallMs };
}

/** Runs `work`, timing it and recording the longest event-loop stall of this thread meanwhile. */
async function withStalls<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; maxStallMs: number }> {
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  stalls.enable();
  const start = performance.now();
  const value = await work();
  const ms = performance.now() - start;
  stalls.disable();
  return { value, ms, maxStallMs: stalls.max / 1e6 };
}

async function warmUpPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText('warm-up', { font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save();
}

export async function reportDocumentBenches(): Promise<void> {
  for (const result of await benchDocumentHashing()) {
    report(`documents import+hash ${result.label}`, result.importMBps, 'MB/s');
    report(`sha256sum ${result.label}`, result.sha256sumMBps, 'MB/s');
    report(`import / sha256sum ${result.label}`, result.importMBps / result.sha256sumMBps, 'ratio');
  }
  const text = await benchTextExtraction();
  report(`text extraction ${text.pages}-page PDF (${text.megabytes.toFixed(1)} MB)`, text.ms, 'ms');
  report('text extraction pages per second', (text.pages / text.ms) * 1000, 'pages/s');
  report('text extraction MB per second', (text.megabytes / text.ms) * 1000, 'MB/s');
  report('caller event-loop max stall during extraction', text.maxStallMs, 'ms');
  report('  same with pdfjs on the caller thread', text.inProcessMaxStallMs, 'ms');
}

if (process.argv[1] && /documents-hash\.[cm]?[jt]s$/.test(process.argv[1])) {
  await reportDocumentBenches();
}
