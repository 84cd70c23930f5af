// Binds the contract's operations to IPC and forwards the core's events to the window.
// It depends on two tiny interfaces instead of ipcMain/webContents, so tests drive it under
// plain Node with the real dispatch and real handlers; the Electron adapter passes ipcMain.
import type { Handlers } from '../core/api/dispatch';
import { dispatch } from '../core/api/dispatch';
import type { EventBus } from '../core/events/event-bus';
import { eventChannelOf } from '../../shared/contract/events';
import { channelOf, operationNames, type OperationName } from '../../shared/contract/operations';
import { fail, type Result } from '../../shared/contract/result';

/** What the binding needs to know about the frame that sent an invoke. */
export interface InvokeEventLike {
  /** null when the frame navigated away or was destroyed before the handler ran. */
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/** The slice of ipcMain the binding uses. */
export interface IpcRegistrar {
  handle(channel: string, listener: (event: InvokeEventLike, input: unknown) => Promise<Result<unknown>>): void;
  removeHandler(channel: string): void;
}

export interface BindOptions {
  readonly handlers: Handlers;
  /** Is this frame URL the app's own renderer? (security/trusted-sender.ts) */
  readonly isTrustedFrameUrl: (url: string) => boolean;
  /** Called after each successful operation, e.g. to rebuild the menu when the locale changes. */
  readonly afterSuccess?: (name: OperationName, value: unknown) => void;
}

const forbidden = (): Result<never> => fail({ code: 'forbidden', message: 'IPC from an untrusted frame' });

/**
 * Registers one `ipcMain.handle(channelOf(name))` per operation. A call is answered only when it
 * comes from the top-level frame of our renderer; input validation is dispatch's job. Returns
 * a function that removes every handler.
 */
export function bindOperations(ipc: IpcRegistrar, options: BindOptions): () => void {
  for (const name of operationNames) {
    ipc.handle(channelOf(name), async (event, input) => {
      const frame = event.senderFrame;
      if (frame === null || frame.parent !== null || !options.isTrustedFrameUrl(frame.url)) return forbidden();
      const result = await dispatch(options.handlers, name, input);
      if (result.ok) options.afterSuccess?.(name, result.value);
      return result;
    });
  }
  return () => {
    for (const name of operationNames) ipc.removeHandler(channelOf(name));
  };
}

/** The slice of webContents the event forwarder uses. */
export interface EventSink {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/** Forwards every core event to the window on its declared channel. Returns the unsubscribe. */
export function forwardEvents(bus: EventBus, sink: EventSink): () => void {
  return bus.subscribe((name, payload) => {
    if (!sink.isDestroyed()) sink.send(eventChannelOf(name), payload);
  });
}
