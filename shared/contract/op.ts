import { z } from 'zod';

/** An operation's input and output schemas (see operations.ts). */
export const op = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const Empty = z.object({}).strict();
