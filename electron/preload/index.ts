// The only bridge between the sandboxed renderer and the main process. It exposes one named
// function per contract operation and a subscription to declared events — never a generic
// invoke/send, so a compromised page cannot reach any channel the contract does not name.
// Bundled as one CommonJS file (sandboxed preloads cannot load chunks or ES modules).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { MesaApi, MesaOperations } from '../../shared/contract/api';
import { eventChannelOf, isEventName, type EventName, type EventPayload } from '../../shared/contract/events';
import { STAGE_FILE_CHANNEL, type DesktopFiles, type StagedFile } from '../../shared/contract/files';
import { channelOf, operationNames } from '../../shared/contract/operations';
import type { Result } from '../../shared/contract/result';

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

/**
 * Hands a picked or dropped file to the core's staging area on its one channel (the main
 * process checks the sender as for operations). Bytes never go through the operations.
 */
async function stageFile(file: Blob | ArrayBuffer, fileName: string): Promise<Result<StagedFile>> {
  if (typeof fileName !== 'string') throw new TypeError('fileName must be a string');
  const bytes = file instanceof ArrayBuffer ? file : await file.arrayBuffer();
  return ipcRenderer.invoke(STAGE_FILE_CHANNEL, { fileName, bytes }) as Promise<Result<StagedFile>>;
}

const mesa = Object.freeze({ ...operations, on, stageFile }) satisfies MesaApi & DesktopFiles;

contextBridge.exposeInMainWorld('mesa', mesa);
