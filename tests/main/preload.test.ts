// The preload bridge with Electron's renderer-side modules replaced by recorders: the Electron
// binary is the one edge these machines cannot run. Everything else is the real bundle input.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { eventChannelOf } from '../../shared/contract/events';
import { STAGE_FILE_CHANNEL } from '../../shared/contract/files';
import { channelOf, operationNames } from '../../shared/contract/operations';

const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const invoked: Array<[string, unknown]> = [];
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    exposed,
    invoked,
    listeners,
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer: {
      invoke: (channel: string, input: unknown) => {
        invoked.push([channel, input]);
        return Promise.resolve({ ok: true, value: channel });
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => {
        const set = listeners.get(channel) ?? new Set();
        set.add(listener);
        listeners.set(channel, set);
      },
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => listeners.get(channel)?.delete(listener),
    },
  };
});

vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

type Bridge = Record<string, unknown> & { on: (event: string, listener: (payload: unknown) => void) => () => void };
let mesa: Bridge;

beforeAll(async () => {
  await import('../../electron/preload/index');
  mesa = electron.exposed.get('mesa') as Bridge;
});

describe('preload bridge', () => {
  it('exposes only window.mesa, frozen, with one function per operation plus on() and stageFile()', () => {
    expect([...electron.exposed.keys()]).toEqual(['mesa']);
    expect(Object.isFrozen(mesa)).toBe(true);
    expect(Object.keys(mesa).sort()).toEqual([...operationNames, 'on', 'stageFile'].sort());
    for (const key of Object.keys(mesa)) expect(typeof mesa[key]).toBe('function');
    expect(mesa).not.toHaveProperty('invoke');
    expect(mesa).not.toHaveProperty('send');
  });

  it("invokes each operation on the contract's channel with the input unchanged", async () => {
    for (const name of operationNames) {
      const call = mesa[name] as (input: unknown) => Promise<unknown>;
      await expect(call({ probe: name })).resolves.toEqual({ ok: true, value: channelOf(name) });
    }
    expect(electron.invoked).toEqual(operationNames.map((name) => [channelOf(name), { probe: name }]));
  });

  it('delivers only the payload of declared events, until unsubscribed', () => {
    const received: unknown[] = [];
    const unsubscribe = mesa.on('caseChanged', (payload) => received.push(payload));
    const channel = eventChannelOf('caseChanged');
    const fire = (payload: unknown) => {
      for (const listener of electron.listeners.get(channel) ?? []) listener({ sender: 'ipc internals' }, payload);
    };
    fire({ caseId: 'c1' });
    unsubscribe();
    fire({ caseId: 'c2' });
    expect(received).toEqual([{ caseId: 'c1' }]);
  });

  it('refuses events the contract does not declare', () => {
    expect(() => mesa.on('mesa:op:getSettings', () => undefined)).toThrow(/Unknown Mesa event/);
    expect(() => mesa.on('__proto__', () => undefined)).toThrow(/Unknown Mesa event/);
    expect(electron.listeners.has('mesa:op:getSettings')).toBe(false);
  });

  it('stages a file on its one channel as { fileName, bytes: ArrayBuffer }', async () => {
    const stageFile = mesa['stageFile'] as (file: Blob, name: string) => Promise<unknown>;
    electron.invoked.length = 0;
    await stageFile(new Blob(['%PDF-1.7']), 'boleta.pdf');
    const [[channel, message]] = electron.invoked as [[string, { fileName: string; bytes: ArrayBuffer }]];
    expect(channel).toBe(STAGE_FILE_CHANNEL);
    expect(message.fileName).toBe('boleta.pdf');
    expect(Buffer.from(message.bytes).toString()).toBe('%PDF-1.7');
  });
});
