import { AppError } from '../../../shared/contract/errors';

/** SQLite result codes (better-sqlite3 exposes them as `error.code`) that mean the file is unusable. */
const CORRUPT_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE']);
const FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC']);
const UNAVAILABLE_CODES = new Set(['SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_IOERR', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'EACCES', 'EPERM']);

const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

/** Maps anything thrown inside the core to an AppError whose code the UI can translate. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = codeOf(error) ?? '';
  const detail = error instanceof Error ? error.message : String(error);
  if (CORRUPT_CODES.has(code)) return new AppError('db_corrupt', detail);
  if (FULL_CODES.has(code)) return new AppError('disk_full', detail);
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('SQLITE_IOERR')) return new AppError('db_unavailable', detail);
  // better-sqlite3 throws a plain TypeError (no code) when used after close().
  if (error instanceof TypeError && /database connection is not open/i.test(detail)) return new AppError('db_unavailable', detail);
  return new AppError('internal', detail);
}
