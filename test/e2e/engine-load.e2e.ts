import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import CHROMIUM_FLAGS from './harness/chromium-flags.json';
import { DIST, EXECUTABLES } from './harness/common';
import { waitForMarks } from './harness/highlights';
import { startServer, type TestServer } from './harness/server';
import { waitForPageRead } from './harness/settle';
import { forEachBrowser, selectedBrowsers } from './harness/suite';

// The content script every page and frame runs is a small loader; the engine (engine.js: the
// matcher, its tables, the annotator) is imported only where Hashiya is on and the frame has text
// to read. A page or frame whose text comes later is marked when it comes.

forEachBrowser('the engine, loaded at the first text', (browser) => {
  it('marks a page, and a frame, whose text comes after it has loaded', async () => {
    const page = await browser().open('/fixtures/empty.html');
    await waitForPageRead(browser(), page); // a frame with no text reads as read
    expect(await page.evaluate(() => { let n = 0; CSS.highlights.forEach((h) => (n += h.size)); return n; })).toBe(0);
    await page.evaluate(() => {
      document.getElementById('app')!.append(Object.assign(document.createElement('p'), { textContent: 'Vladimir Putin received the Syrian president.' }));
    });
    expect(await waitForMarks(page)).toEqual(['Vladimir Putin']);
    // The empty ad frame gets a story of its own, as a late ad does.
    await page.evaluate(() => {
      const frame = (document.getElementById('ad-empty') as HTMLIFrameElement).contentDocument!;
      frame.body.innerHTML = '<p>Talks in <b>Damascus</b> resumed.</p>';
    });
    const frameMarks = () =>
      page.evaluate(() => {
        const win = (document.getElementById('ad-empty') as HTMLIFrameElement).contentWindow as Window & typeof globalThis;
        const out: string[] = [];
        win.CSS.highlights.forEach((h) => {
          if (h.priority !== 0) return; // the focus mark
          for (const r of h) {
            const range = win.document.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            out.push(range.toString());
          }
        });
        return out;
      });
    await page.waitFor(() => {
      const win = (document.getElementById('ad-empty') as HTMLIFrameElement).contentWindow as Window & typeof globalThis;
      let n = 0;
      win.CSS.highlights.forEach((h) => (n += h.size));
      return n > 0;
    });
    expect(await frameMarks()).toEqual(['Damascus']);
    await page.close();
  });
});

describe.runIf(selectedBrowsers().includes('chromium'))('the engine, loaded at the first text [chromium]', () => {
  // Chromium's DevTools protocol reports every script a page's frames evaluate, a content script's
  // chunks included, which no page script can see.
  let server: TestServer;
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    server = await startServer();
    profile = mkdtempSync(join(tmpdir(), 'hashiya-engine-'));
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

  /** Opens `path` and counts, until `then` has run and a second has passed, the engine.js chunks its frames evaluate. */
  async function enginesEvaluated(path: string, then: (page: Page) => Promise<void> = () => Promise.resolve()): Promise<{ before: number; after: number }> {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    let engines = 0;
    cdp.on('Debugger.scriptParsed', ({ url }) => {
      if (/^chrome-extension:\/\/[a-z0-9-]+\/engine\.js(\?|$)/.test(url)) engines++;
    });
    await cdp.send('Debugger.enable');
    await page.goto(server.origin + path, { waitUntil: 'load' });
    await page.waitForTimeout(1000);
    const before = engines;
    await then(page);
    await page.waitForTimeout(1000);
    await page.close();
    return { before, after: engines };
  }

  it('is not evaluated in a page or frames with no text, until text comes', async () => {
    const counts = await enginesEvaluated('/fixtures/empty.html', (page) =>
      page.evaluate(() => void document.getElementById('app')!.append('Talks in Damascus resumed.')),
    );
    expect(counts).toEqual({ before: 0, after: 1 }); // the top frame's, once; the ad frames none
  });

  it('is evaluated once on a page with text, and not in its empty frames', async () => {
    expect(await enginesEvaluated('/fixtures/plain.html')).toEqual({ before: 1, after: 1 });
  });
});
