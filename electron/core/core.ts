// PUBLIC FACADE of the core — the only module the hosts (electron/main, electron/web) import.
// Implementation to be completed by the core-store work; the signature is fixed.
import type { Handlers } from './api/dispatch';
import type { EventBus } from './events/event-bus';

export interface CoreOptions {
  /** Absolute path of the SQLite file (created when missing). */
  readonly databasePath: string;
  readonly host: 'electron' | 'web';
  readonly appVersion: string;
  /** Seeds the demo mediators and this many demo cases when the store is empty. 0 = none. */
  readonly demoCases?: number;
  /** Injectable clock for tests. */
  readonly now?: () => Date;
}

export interface MesaCore {
  readonly handlers: Handlers;
  readonly events: EventBus;
  /** Closes the database (checkpointing the WAL). Idempotent. */
  close(): void;
}
