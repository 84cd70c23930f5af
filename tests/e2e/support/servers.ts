import { test as base } from '@playwright/test';
import { startPlatform, type RunningPlatform } from './platform';
import { startWebHost, type RunningHost } from './web-host';

/** The real servers a test starts; each is stopped after the test, hosts before platforms. */
export interface Servers {
  platform(options?: Parameters<typeof startPlatform>[0]): Promise<RunningPlatform>;
  webHost(options: Parameters<typeof startWebHost>[0]): Promise<RunningHost>;
}

export const test = base.extend<{ servers: Servers }>({
  // Playwright reads a fixture's dependencies from its first parameter, which must be a pattern.
  // eslint-disable-next-line no-empty-pattern
  servers: async ({}, use) => {
    const started: Array<{ stop(): Promise<void> }> = [];
    const track = <T extends { stop(): Promise<void> }>(server: T): T => {
      started.push(server);
      return server;
    };
    await use({
      platform: async (options) => track(await startPlatform(options)),
      webHost: async (options) => track(await startWebHost(options)),
    });
    for (const server of started.reverse()) await server.stop();
  },
});

export { expect } from '@playwright/test';
