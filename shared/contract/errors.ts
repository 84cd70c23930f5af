import { z } from 'zod';

/**
 * Every failure that crosses a process boundary carries one of these codes. The renderer
 * translates the code (shared/i18n); `message` is a short English detail for logs.
 */
export const ErrorCode = z.enum([
  'invalid_input',
  'unknown_operation',
  'not_found',
  'conflict',
  'invalid_transition',
  'forbidden',
  'db_corrupt',
  'db_newer_version',
  'db_unavailable',
  'disk_full',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const AppErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  /**
   * Field paths for invalid_input, so a form can point at the field. `reason`, when present, is
   * a machine-readable code the renderer translates (e.g. ScheduleRefusal, CalendarImportRefusal
   * in contract/schedule.ts); without it the issue is a plain format error of that field.
   */
  issues: z.array(z.object({ path: z.string(), message: z.string(), reason: z.string().optional() })).optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorShape>;

/** Thrown inside the core and turned into `{ ok: false, error }` at the boundary. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: AppErrorShape['issues'];

  constructor(code: ErrorCode, message: string, issues?: AppErrorShape['issues']) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }

  toShape(): AppErrorShape {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}
