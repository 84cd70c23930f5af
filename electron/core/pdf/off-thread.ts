// The heavy PDF and image work, with the same signatures as the functions of this folder, run
// on the process's shared PDF worker pool instead of the calling thread (in Electron the main
// process, where a 300-page extraction would otherwise hold IPC for seconds). Callers keep
// catching PdfRefusal / DocumentRefused / AppError as before; a crashed or stuck worker fails
// only its job, with DocumentRefused 'processing_failed'.
//
// Byte arguments are MOVED to the worker when they view a whole buffer (a file read with
// readFile): the caller's array is left empty, so pass bytes the caller no longer needs.
import type { PdfJobKind, PdfJobResult, PdfJobs } from './pdf-jobs';
import { PdfWorkerPool } from './pdf-pool';

/** pdf-worker.js next to the bundle that holds this module (out/main, out/web), or the source. */
export const PDF_WORKER_SCRIPT = new URL(import.meta.url.endsWith('.ts') ? './pdf-worker.ts' : './pdf-worker.js', import.meta.url);

let shared: PdfWorkerPool | undefined;

function offThread<K extends PdfJobKind>(kind: K): (...args: Parameters<PdfJobs[K]>) => Promise<PdfJobResult<K>> {
  return (...args) => (shared ??= new PdfWorkerPool({ script: PDF_WORKER_SCRIPT })).run(kind, args).then((outcome) => outcome.value);
}

export const extractText = offThread('extractText');
export const redactPdf = offThread('redactPdf');
export const redactImage = offThread('redactImage');
export const buildEvidenceBundle = offThread('buildEvidenceBundle');
export const buildHearingSheetPdf = offThread('buildHearingSheetPdf');

/** Called when the core closes: ends the threads, failing the jobs still queued or running. */
export function closePdfWorkers(): Promise<void> {
  return shared?.close() ?? Promise.resolve();
}
