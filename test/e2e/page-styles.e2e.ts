import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import CHROMIUM_FLAGS from './harness/chromium-flags.json';
import { DIST, EXECUTABLES } from './harness/common';
import { startServer, type TestServer } from './harness/server';
import { selectedBrowsers } from './harness/suite';

// A stylesheet added to a page restyles the whole document (on wikipedia-2, a page with no name
// of the story, 100-150 ms of a load in Chromium). Hashiya asks for its marks' rules with the first
// marks only. Chromium's DevTools protocol lists every stylesheet a page gets, the ones an
// extension injects included (origin "injected"), which no page script can see.

describe.runIf(selectedBrowsers().includes('chromium'))('the marks\' stylesheet [chromium]', () => {
  let server: TestServer;
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    server = await startServer();
    profile = mkdtempSync(join(tmpdir(), 'hashiya-styles-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: EXECUTABLES.chromium,
      headless: true,
      args: [`--disable-extensions-except=${DIST.chromium}`, `--load-extension=${DIST.chromium}`, ...CHROMIUM_FLAGS],
    });
    if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker', { timeout: 15_000 });
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** The stylesheets an extension injected into `path`, counted once Hashiya has had time to read it. */
  async function injectedSheets(path: string, marked: boolean): Promise<number> {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    let injected = 0;
    cdp.on('CSS.styleSheetAdded', ({ header }) => {
      if (header.origin === 'injected') injected++;
    });
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    await page.goto(server.origin + path, { waitUntil: 'load' });
    // Marks drawn (or, on a page with none, the read long over), then a moment for the background's answer.
    if (marked) await page.waitForFunction(() => { let n = 0; CSS.highlights.forEach((h) => (n += h.size)); return n > 0; }, undefined, { timeout: 10_000 });
    await page.waitForTimeout(1000);
    await page.close();
    return injected;
  }

  it('is added to a page with marks, and to no page without', async () => {
    expect(await injectedSheets('/fixtures/plain.html', true)).toBe(1);
    expect(await injectedSheets('/fixtures/no-names.html', false)).toBe(0);
  });
});
