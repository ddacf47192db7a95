import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import CHROMIUM_FLAGS from './chromium-flags.json';
import { DIST, EXECUTABLES } from './common';
import { startServer, type TestServer } from './server';
import { afterAll, beforeAll } from 'vitest';

// A Chromium with Hashiya loaded and a test server of its own, for the suites that ask Chromium's
// DevTools protocol directly (what it tells no page script: injected stylesheets, a world's own
// listeners), through playwright's context rather than the two-browser harness.

export interface ChromiumSuite {
  readonly context: BrowserContext;
  readonly server: TestServer;
  close(): Promise<void>;
}

/** Starts the server and the browser, in a fresh profile; `close` ends both and removes the profile. */
export async function launchChromiumSuite(): Promise<ChromiumSuite> {
  const server = await startServer();
  const profile = mkdtempSync(join(tmpdir(), 'hashiya-cdp-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: EXECUTABLES.chromium,
    headless: true,
    args: [`--disable-extensions-except=${DIST.chromium}`, `--load-extension=${DIST.chromium}`, ...CHROMIUM_FLAGS],
  });
  if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker', { timeout: 15_000 });
  return {
    context,
    server,
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Registers the suite's hooks: launched before its tests, closed after; the getter gives it to them. */
export function useChromiumSuite(): () => ChromiumSuite {
  let suite: ChromiumSuite | undefined;
  beforeAll(async () => {
    suite = await launchChromiumSuite();
  });
  afterAll(() => suite?.close());
  return () => suite!;
}
