// The only bridge between the sandboxed renderer and the main process. It exposes one named
// function per contract operation and a subscription to declared events — never a generic
// invoke/send, so a compromised page cannot reach any channel the contract does not name.
// Bundled as one CommonJS file (sandboxed preloads cannot load chunks or ES modules).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { MesaApi, MesaOperations } from '../../shared/contract/api';
import { eventChannelOf, isEventName, type EventName, type EventPayload } from '../../shared/contract/events';
import { channelOf, operationNames } from '../../shared/contract/operations';

const operations = Object.fromEntries(
  operationNames.map((name) => {
    const channel = channelOf(name);
    return [name, (input: unknown) => ipcRenderer.invoke(channel, input)];
  }),
) as unknown as MesaOperations;

function on<K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void): () => void {
  if (!isEventName(event)) throw new TypeError(`Unknown Mesa event: ${String(event)}`);
  if (typeof listener !== 'function') throw new TypeError('listener must be a function');
  const channel = eventChannelOf(event);
  // The IPC event object (with its sender) never reaches the page: only the payload does.
  const wrapped = (_event: IpcRendererEvent, payload: EventPayload<K>): void => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const mesa = Object.freeze({ ...operations, on }) satisfies MesaApi;

contextBridge.exposeInMainWorld('mesa', mesa);
