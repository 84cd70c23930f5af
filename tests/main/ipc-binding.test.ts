import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bindOperations, forwardEvents, type InvokeEventLike, type IpcRegistrar } from '../../electron/main/ipc-binding';
import { isTrustedRendererUrl } from '../../electron/main/security/trusted-sender';
import { eventChannelOf } from '../../shared/contract/events';
import { channelOf, operationNames } from '../../shared/contract/operations';
import type { Result } from '../../shared/contract/result';
import { smallCore } from '../web/small-core';

type Listener = (event: InvokeEventLike, input: unknown) => Promise<Result<unknown>>;

/** Stands in for ipcMain only: the Electron binary is the one thing these machines lack. */
class FakeIpcMain implements IpcRegistrar {
  readonly listeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.listeners.has(channel)) throw new Error(`second handler for ${channel}`);
    this.listeners.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.listeners.delete(channel);
  }
  invoke(channel: string, event: InvokeEventLike, input: unknown): Promise<Result<unknown>> {
    const listener = this.listeners.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener(event, input);
  }
}

const indexHtmlPath = '/opt/Mesa/resources/app.asar/out/renderer/index.html';
const appUrl = pathToFileURL(indexHtmlPath).href;
const fromApp: InvokeEventLike = { senderFrame: { url: `${appUrl}#/casos`, parent: null } };

function setUp() {
  const core = smallCore();
  const ipc = new FakeIpcMain();
  const successes: string[] = [];
  const unbind = bindOperations(ipc, {
    handlers: core.handlers,
    isTrustedFrameUrl: (url) => isTrustedRendererUrl(url, { kind: 'file', indexHtmlPath }),
    afterSuccess: (name) => successes.push(name),
  });
  return { core, ipc, successes, unbind };
}

describe('bindOperations', () => {
  it('registers exactly one channel per contract operation', () => {
    const { ipc } = setUp();
    expect([...ipc.listeners.keys()].sort()).toEqual(operationNames.map(channelOf).sort());
  });

  it('answers calls from our renderer through dispatch', async () => {
    const { ipc, core, successes } = setUp();
    expect(await ipc.invoke(channelOf('updateSettings'), fromApp, { locale: 'en' })).toEqual({ ok: true, value: { locale: 'en' } });
    expect(await ipc.invoke(channelOf('getSettings'), fromApp, undefined)).toEqual({ ok: true, value: { locale: 'en' } });
    expect(core.calls).toEqual(['updateSettings', 'getSettings']);
    expect(successes).toEqual(['updateSettings', 'getSettings']);
  });

  it('returns invalid_input with field paths before any handler runs', async () => {
    const { ipc, core } = setUp();
    const result = await ipc.invoke(channelOf('updateSettings'), fromApp, { locale: 'fr' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.issues?.[0]?.path).toBe('locale');
    }
    expect(core.calls).toEqual([]);
  });

  it('turns a handler crash into an internal error Result', async () => {
    const { ipc } = setUp();
    const result = await ipc.invoke(channelOf('deleteNote'), fromApp, { noteId: 'boom' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it.each([
    ['another page', { senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['another local file', { senderFrame: { url: 'file:///tmp/evil.html', parent: null } }],
    ['a subframe of our page', { senderFrame: { url: appUrl, parent: {} } }],
    ['a frame that is gone', { senderFrame: null }],
  ])('refuses %s with forbidden, without running the handler', async (_label, event) => {
    const { ipc, core } = setUp();
    const result = await ipc.invoke(channelOf('updateSettings'), event, { locale: 'en' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(core.calls).toEqual([]);
  });

  it('unbinds every channel', () => {
    const { ipc, unbind } = setUp();
    unbind();
    expect(ipc.listeners.size).toBe(0);
  });
});

describe('forwardEvents', () => {
  it("sends core events on the contract's channel until unsubscribed or destroyed", () => {
    const { core } = setUp();
    const sent: Array<[string, unknown]> = [];
    let destroyed = false;
    const stop = forwardEvents(core.events, { isDestroyed: () => destroyed, send: (channel, payload) => sent.push([channel, payload]) });
    core.events.emit('caseChanged', { caseId: 'c1' });
    destroyed = true;
    core.events.emit('caseChanged', { caseId: 'c2' });
    destroyed = false;
    stop();
    core.events.emit('caseChanged', { caseId: 'c3' });
    expect(sent).toEqual([[eventChannelOf('caseChanged'), { caseId: 'c1' }]]);
  });
});
