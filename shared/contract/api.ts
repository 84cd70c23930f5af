import type { Result } from './result';
import type { EventName, EventPayload } from './events';
import type { OperationInput, OperationName, OperationOutput } from './operations';

/** What the renderer sees: one async function per operation, plus event subscription. */
export type MesaOperations = {
  readonly [K in OperationName]: (input: OperationInput<K>) => Promise<Result<OperationOutput<K>>>;
};

export interface MesaApi extends MesaOperations {
  /** Subscribes to a pushed event; returns the unsubscribe function. */
  readonly on: <K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void) => () => void;
}
