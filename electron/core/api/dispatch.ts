import { AppError, type AppErrorShape } from '../../../shared/contract/errors';
import {
  isOperationName,
  operations,
  type OperationName,
  type OperationOutput,
  type OperationParsedInput,
} from '../../../shared/contract/operations';
import { fail, ok, type Result } from '../../../shared/contract/result';
import { toAppError } from '../errors/to-app-error';

/** One handler per operation, receiving input already validated by the contract's zod schema. */
export type Handlers = {
  readonly [K in OperationName]: (input: OperationParsedInput<K>) => OperationOutput<K> | Promise<OperationOutput<K>>;
};

/** A contract refinement names its reason in zod `params.reason` (contract/schedule.ts); it travels as the issue's reason. */
const reasonOf = (issue: object): string | undefined => {
  const params = 'params' in issue ? (issue.params as { reason?: unknown } | undefined) : undefined;
  return typeof params?.reason === 'string' ? params.reason : undefined;
};

const issuesOf = (error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): AppErrorShape['issues'] =>
  error.issues.map((issue) => {
    const reason = reasonOf(issue);
    const path = issue.path.map(String).join('.');
    return reason === undefined ? { path, message: issue.message } : { path, message: issue.message, reason };
  });

/**
 * The single entry point both hosts (Electron IPC and the web host) call. Unknown names and
 * invalid inputs are refused before any handler runs; every failure comes back as data.
 */
export async function dispatch(handlers: Handlers, name: unknown, rawInput: unknown): Promise<Result<unknown>> {
  if (!isOperationName(name)) {
    return fail({ code: 'unknown_operation', message: `Unknown operation: ${String(name).slice(0, 80)}` });
  }
  const parsed = operations[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return fail(new AppError('invalid_input', `Invalid input for ${name}`, issuesOf(parsed.error)).toShape());
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    return ok(await handler(parsed.data));
  } catch (error) {
    return fail(toAppError(error).toShape());
  }
}
