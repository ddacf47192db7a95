import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { TargetType, type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabState } from '../../src/messages';
import CHROMIUM_FLAGS from './harness/chromium-flags.json';
import { DIST, EXECUTABLES } from './harness/common';
import { startServer, type TestServer } from './harness/server';
import { selectedBrowsers } from './harness/suite';

// A page prerendered by the speculation rules of the page before it, then shown. Chromium only:
// Firefox prerenders no page. Driven by puppeteer, not playwright: playwright's session makes
// Chromium refuse to prerender (PrerenderingDisabledByDevTools), puppeteer's does not.

const START = '/fixtures/prerender-start.html';
const NEXT = '/fixtures/page-life.html?cache=private';

describe.runIf(selectedBrowsers().includes('chromium'))('a prerendered page [chromium]', () => {
  let server: TestServer;
  let browser: Browser;
  let profile: string;
  let extensionOrigin: string;
  const extensionErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    profile = mkdtempSync(join(tmpdir(), 'hashiya-prerender-'));
    browser = await puppeteer.launch({
      executablePath: EXECUTABLES.chromium,
      headless: true,
      pipe: true,
      enableExtensions: [DIST.chromium],
      userDataDir: profile,
      args: [...CHROMIUM_FLAGS],
    });
    const worker = await browser.waitForTarget((target) => target.type() === TargetType.SERVICE_WORKER && target.url().startsWith('chrome-extension://'));
    // Node's URL gives `null` as the origin of a chrome-extension: URL, hence the pattern.
    extensionOrigin = /^chrome-extension:\/\/[a-p]{32}/.exec(worker.url())![0];
    (await worker.worker())?.on('console', (message) => {
      if (message.type() === 'error') extensionErrors.push(`background: ${message.text()}`);
    });
    // The first-run page that the install opens would come in front of the pages of the test.
    const welcome = await browser.waitForTarget((target) => target.type() === TargetType.PAGE && target.url().startsWith(`${extensionOrigin}/welcome.html`), { timeout: 15_000 });
    await (await welcome.page())?.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** What the background knows of the tab showing `url`, asked from Hashiya's own page. */
  async function stateOf(url: string): Promise<TabState | null> {
    const probe = await browser.newPage();
    try {
      await probe.goto(`${extensionOrigin}/popup.html`);
      return await probe.evaluate(async (target) => {
        const tab = (await chrome.tabs.query({})).find((t) => t.url === target);
        return tab?.id === undefined ? null : chrome.runtime.sendMessage<unknown, TabState>({ type: 'get-tab-state', tabId: tab.id });
      }, url);
    } finally {
      await probe.close();
    }
  }

  async function stateBecomes(url: string, frames: number): Promise<TabState> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const state = await stateOf(url);
      if (state?.frames === frames) return state;
      if (Date.now() > deadline) throw new Error(`${url}: ${JSON.stringify(state)}`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }

  it('tells nothing while it is prerendered, and its counts once it is shown', async () => {
    const page: Page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' && message.location().url?.startsWith(extensionOrigin)) extensionErrors.push(message.text());
    });
    await page.goto(server.origin + START, { waitUntil: 'load' });
    // The next page and its frame are fetched, then read by the content script in the prerendered
    // document (a page this small is read in a few milliseconds; two seconds leave room on a busy machine).
    const fetched = Date.now() + 10_000;
    while (!server.requests.includes('/fixtures/frame-child.html') && Date.now() < fetched) await new Promise((ok) => setTimeout(ok, 50));
    expect(server.requests).toContain('/fixtures/frame-child.html');
    await new Promise((ok) => setTimeout(ok, 2000));
    // A page not shown has said nothing: the tab still shows the page before it, with no frame.
    expect(await stateOf(server.origin + START)).toMatchObject({ frames: 0, counts: {} });

    await page.click('#next');
    // Asked again and again rather than with waitForFunction: the prerendered page takes the place
    // of the page's frame, and a wait that started in the old one fails as detached.
    const shown = Date.now() + 10_000;
    while (!(await page.evaluate((path) => location.href.endsWith(path) && document.readyState === 'complete', NEXT).catch(() => false))) {
      if (Date.now() > shown) throw new Error('the next page was not shown');
      await new Promise((ok) => setTimeout(ok, 50));
    }
    const activationStart = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming & { activationStart: number }).activationStart);
    expect(activationStart, 'the page shown was the prerendered one').toBeGreaterThan(0);
    const state = await stateBecomes(server.origin + NEXT, 2);
    expect(state.counts).toEqual({ 'vladimir-putin': 1, moscow: 2, 'asaad-al-shaibani': 1 });
    await page.close();
    expect(extensionErrors).toEqual([]);
  });
});
