// Entry of the PDF worker thread (a separate bundle: electron.vite.config.ts, vite.web.config.ts).
// It runs one job at a time, as pdf-pool.ts hands them out, and answers with the result (its
// buffers moved, not copied) or the error flattened to data. A crash or a job over its time
// limit ends the thread; the pool fails that one job and starts another thread.
import { parentPort, threadId } from 'node:worker_threads';
import { isPdfJobKind, pdfJobs } from './pdf-jobs';
import { toWireError, transferables, type JobRequest, type JobResponse } from './worker-protocol';

async function run(request: JobRequest): Promise<unknown> {
  if (!isPdfJobKind(request.kind)) throw new TypeError(`Unknown PDF job ${request.kind}`);
  const job = pdfJobs[request.kind] as (...args: readonly unknown[]) => Promise<unknown>;
  return job(...request.args);
}

const port = parentPort;
if (!port) throw new Error('pdf-worker.ts runs only as a worker thread');
port.on('message', (request: JobRequest) => {
  void run(request).then(
    (value) => {
      const response: JobResponse = { id: request.id, ok: true, value, threadId };
      port.postMessage(response, transferables(value));
    },
    (error: unknown) => {
      const response: JobResponse = { id: request.id, ok: false, error: toWireError(error), threadId };
      port.postMessage(response);
    },
  );
});
