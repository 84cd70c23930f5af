// A small pool of PDF worker threads, so parsing, rasterising and building PDFs never holds the
// thread that answers the UI. Threads start on the first job, are not kept alive for the
// process while idle, and are replaced when one crashes or overruns its time limit: that one
// job fails with processing_failed and the queue goes on.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { AppError } from '../../../shared/contract/errors';
import { DocumentRefused } from '../documents/refusal';
import type { PdfJobKind, PdfJobResult, PdfJobs } from './pdf-jobs';
import { fromWireError, transferables, type JobRequest, type JobResponse } from './worker-protocol';

/** Two cores on the centre's machines: one thread for the core, at most two for PDFs. */
const MAX_THREADS = 2;
export const DEFAULT_JOB_TIME_LIMIT_MS = 120_000;

export interface PdfPoolOptions {
  /** The worker entry: pdf-worker.js next to the bundle, or pdf-worker.ts from the sources. */
  readonly script: URL;
  /** Threads (1 by default, at most 2). */
  readonly size?: number;
  /** A job still running after this long has its thread terminated. */
  readonly timeLimitMs?: number;
  /** V8 heap limits of each thread: a job that exceeds them ends the thread, not the process. */
  readonly resourceLimits?: ResourceLimits;
}

export interface JobOutcome<T> {
  readonly value: T;
  /** The worker thread that ran the job. */
  readonly threadId: number;
}

interface Job {
  readonly request: JobRequest;
  readonly timeLimitMs: number;
  readonly resolve: (outcome: JobOutcome<unknown>) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

const failed = (detail: string): DocumentRefused => new DocumentRefused('processing_failed', detail);

export class PdfWorkerPool {
  readonly #script: URL;
  readonly #size: number;
  readonly #timeLimitMs: number;
  readonly #resourceLimits: ResourceLimits | undefined;
  readonly #queue: Job[] = [];
  readonly #slots = new Set<Slot>();
  #nextId = 1;

  constructor(options: PdfPoolOptions) {
    this.#script = options.script;
    this.#size = Math.max(1, Math.min(MAX_THREADS, options.size ?? 1));
    this.#timeLimitMs = options.timeLimitMs ?? DEFAULT_JOB_TIME_LIMIT_MS;
    this.#resourceLimits = options.resourceLimits;
  }

  /**
   * Runs a job of pdf-jobs.ts on a worker thread. Typed arrays that view a whole buffer are
   * moved to the worker (the caller's copy is left empty); the result's bytes are moved back.
   */
  run<K extends PdfJobKind>(kind: K, args: Parameters<PdfJobs[K]>, options: { timeLimitMs?: number } = {}): Promise<JobOutcome<PdfJobResult<K>>> {
    const promise = new Promise<JobOutcome<unknown>>((resolve, reject) => {
      this.#queue.push({ request: { id: this.#nextId++, kind, args }, timeLimitMs: options.timeLimitMs ?? this.#timeLimitMs, resolve, reject });
    });
    this.#pump();
    return promise as Promise<JobOutcome<PdfJobResult<K>>>;
  }

  /**
   * Ends the threads now; queued and running jobs fail with processing_failed (whoever closes
   * is closing the store their results would go to, and quitting must not wait on a stuck
   * page). A later job starts a new thread.
   */
  async close(): Promise<void> {
    const stopped = failed('The PDF worker was stopped: Mesa is closing');
    for (const job of this.#queue.splice(0)) job.reject(stopped);
    const slots = [...this.#slots];
    for (const slot of slots) this.#discard(slot, stopped);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  #pump(): void {
    while (this.#queue.length > 0) {
      let slot = [...this.#slots].find((s) => s.job === null);
      if (!slot && this.#slots.size < this.#size) {
        try {
          slot = this.#start();
        } catch (error) {
          for (const job of this.#queue.splice(0)) job.reject(error as Error);
          return;
        }
      }
      if (!slot) return;
      this.#dispatch(slot, this.#queue.shift() as Job);
    }
  }

  #dispatch(slot: Slot, job: Job): void {
    try {
      slot.worker.postMessage(job.request, transferables(job.request.args));
    } catch (error) {
      job.reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      this.#discard(slot, failed(`PDF job ${job.request.kind} did not finish within ${job.timeLimitMs} ms; its worker was stopped`));
      void slot.worker.terminate();
    }, job.timeLimitMs);
  }

  #start(): Slot {
    const worker = startWorker(this.#script, this.#resourceLimits);
    const slot: Slot = { worker, job: null, timer: null };
    this.#slots.add(slot);
    worker.on('message', (response: JobResponse) => this.#settle(slot, response));
    worker.on('error', (error) => this.#discard(slot, failed(`PDF worker failed: ${error.message}`)));
    worker.on('exit', (code) => this.#discard(slot, failed(`PDF worker exited with code ${code}`)));
    return slot;
  }

  #settle(slot: Slot, response: JobResponse): void {
    const job = slot.job;
    if (!job || job.request.id !== response.id) return;
    this.#release(slot);
    if (response.ok) job.resolve({ value: response.value, threadId: response.threadId });
    else job.reject(fromWireError(response.error));
    this.#pump();
  }

  /** Takes a thread that crashed, exited or overran out of the pool, failing its job if it had one. */
  #discard(slot: Slot, error: Error): void {
    if (!this.#slots.delete(slot)) return;
    const job = slot.job;
    this.#release(slot);
    job?.reject(error);
    this.#pump();
  }

  #release(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    // An idle thread must not keep a script (a CLI, a test run) from exiting.
    slot.worker.unref();
  }
}

/**
 * A thread running the worker entry. From the TypeScript sources (vitest, tsx) the thread first
 * registers tsx's loader: Node 20 ignores `--import` in a worker's execArgv for its entry.
 */
function startWorker(script: URL, resourceLimits: ResourceLimits | undefined): Worker {
  if (!existsSync(fileURLToPath(script))) throw new AppError('internal', `The PDF worker is missing at ${fileURLToPath(script)} (build incomplete?)`);
  if (!script.pathname.endsWith('.ts')) return new Worker(script, { resourceLimits });
  // tsx's ESM API: its CommonJS twin cannot register from inside a worker.
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); })`;
  return new Worker(bootstrap, { eval: true, resourceLimits });
}
