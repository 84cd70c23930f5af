// What crosses the boundary between the core's thread and the PDF worker: the messages, the
// buffers handed over instead of copied, and errors flattened to data and rebuilt with their
// class, so a caller can still switch on PdfRefusal.reason or AppError.code.
import { AppError, ErrorCode, type AppErrorShape } from '../../../shared/contract/errors';
import { DocumentRefusal } from '../../../shared/contract/documents';
import { DocumentRefused } from '../documents/refusal';
import { PdfRefusal, type PdfRefusalReason } from './pdf-refusal';

export interface JobRequest {
  readonly id: number;
  readonly kind: string;
  readonly args: readonly unknown[];
}

export type JobResponse =
  | { readonly id: number; readonly ok: true; readonly value: unknown; readonly threadId: number }
  | { readonly id: number; readonly ok: false; readonly error: WireError; readonly threadId: number };

export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly code?: string;
  readonly issues?: AppErrorShape['issues'];
  readonly reason?: string;
}

/** How deep transferables() looks into arguments and results (evidence entries are at depth 3). */
const MAX_DEPTH = 4;

/**
 * The ArrayBuffers under `value` (arrays and plain objects, a few levels deep) that a typed
 * array views whole: those can be moved to the other thread. A view on part of a buffer (a
 * Buffer from Node's shared pool, a subarray) is left out and gets copied, because moving it
 * would detach memory the sender still uses elsewhere.
 */
export function transferables(value: unknown, found: Set<ArrayBuffer> = new Set(), depth = 0): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    const { buffer } = value;
    if (buffer instanceof ArrayBuffer && value.byteOffset === 0 && value.byteLength === buffer.byteLength && buffer.byteLength > 0) found.add(buffer);
  } else if (depth < MAX_DEPTH && value !== null && typeof value === 'object') {
    for (const item of Array.isArray(value) ? value : Object.values(value)) transferables(item, found, depth + 1);
  }
  return [...found];
}

export function toWireError(error: unknown): WireError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { name, message, stack } = error;
  if (error instanceof DocumentRefused) return { name, message, stack, code: error.code, issues: error.issues, reason: error.reason };
  if (error instanceof AppError) return { name, message, stack, code: error.code, issues: error.issues };
  return { name, message, stack };
}

/** The error as the job would have thrown it on this thread; its stack is the worker's. */
export function fromWireError(wire: WireError): Error {
  const reason = DocumentRefusal.safeParse(wire.reason);
  const code = ErrorCode.safeParse(wire.code);
  let error: Error;
  if (wire.name === 'PdfRefusal' && reason.success) error = new PdfRefusal(reason.data as PdfRefusalReason, wire.message);
  else if (reason.success) error = new DocumentRefused(reason.data, wire.message, wire.issues?.[0]?.path);
  else if (code.success) error = new AppError(code.data, wire.message, wire.issues);
  else if (wire.name === 'RangeError') error = new RangeError(wire.message);
  else {
    error = new Error(wire.message);
    error.name = wire.name;
  }
  if (wire.stack) error.stack = wire.stack;
  return error;
}
