import { expect, it } from 'vitest';
import type { TestBrowser } from './harness/browsers';
import { tabStateOf } from './harness/extension';
import { waitForPageRead } from './harness/settle';
import { forEachBrowser } from './harness/suite';

// What the content script tells the background, and what it answers.

forEachBrowser('telling the background', (browser) => {
  it('reports the entities of every frame, counted once per mention', async () => {
    const page = await browser().open('/fixtures/shadow-frames.html');
    await waitForPageRead(browser(), page);
    const deadline = Date.now() + 10_000;
    let state = await tabStateOf(browser(), '/fixtures/shadow-frames.html');
    while (state.frames < 4 && Date.now() < deadline) state = await tabStateOf(browser(), '/fixtures/shadow-frames.html');
    expect(state.frames).toBe(4); // the page, its same-origin, srcdoc and about:blank frames
    expect(state.counts).toMatchObject({ reuters: 1, 'vladimir-putin': 1, moscow: 2, 'asaad-al-shaibani': 1, 'sergei-lavrov': 1, sputnik: 1, kremlin: 1 });
    await page.close();
  });

  it('scrolls to the mention it is asked for', async () => {
    const page = await browser().open('/fixtures/tall.html');
    await waitForPageRead(browser(), page);
    expect(await page.evaluate(() => scrollY)).toBe(0);
    const probe = await browser().openExtensionPage('popup.html');
    const answered = await probe.evaluate(async (url) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      const tab = (await api.tabs.query({})).find((t) => t.url === url)!;
      return api.tabs.sendMessage(tab.id!, { type: 'reveal-mention', entity: 'vladimir-putin', index: 1 }, { frameId: 0 });
    }, browser().url('/fixtures/tall.html'));
    await probe.close();
    await page.bringToFront();
    expect(answered).toBe(true);
    await page.waitFor(() => {
      const rect = document.getElementById('far')!.getBoundingClientRect();
      return rect.top >= 0 && rect.bottom <= innerHeight;
    });
    await page.close();
  });

  it('answers the card data of one entity on demand, and nothing for an unknown id', async () => {
    const probe = await browser().openExtensionPage('popup.html');
    const [putin, unknown, junk] = await probe.evaluate(async () => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      return Promise.all([
        api.runtime.sendMessage({ type: 'get-entity', id: 'vladimir-putin' }),
        api.runtime.sendMessage({ type: 'get-entity', id: 'no-such-entity' }),
        api.runtime.sendMessage({ type: 'get-entity', id: '<script>' }).catch(() => 'refused'),
      ]);
    });
    await probe.close();
    expect(putin).toMatchObject({ entity: { id: 'vladimir-putin', name: { en: 'Vladimir Putin', ar: 'فلاديمير بوتين' } } });
    expect((putin as { sentences: unknown[] }).sentences.length).toBeGreaterThan(0);
    expect(unknown).toBeNull();
    expect([undefined, null, 'refused']).toContain(junk);
  });
});

const LIFE = '/fixtures/page-life.html';
/** A page where Hashiya finds nothing. */
const ELSEWHERE = '/fixtures/no-names.html';
/** The same page, served so that a browser may keep it in its back/forward cache. */
const LIFE_CACHED = `${LIFE}?cache=private`;
const BOTH = { 'vladimir-putin': 1, moscow: 2, 'asaad-al-shaibani': 1 };

/** Waits until the tab at `path` holds `frames` frames with these counts. */
async function stateBecomes(browser: TestBrowser, path: string, frames: number, counts: Record<string, number>): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const state = await tabStateOf(browser, path, 10_000, 0);
    if (state.frames === frames && JSON.stringify(Object.entries(state.counts).sort()) === JSON.stringify(Object.entries(counts).sort())) return;
    if (Date.now() > deadline) throw new Error(`${path}: ${state.frames} frames, ${JSON.stringify(state.counts)}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

forEachBrowser('per-tab counts through a page\'s life', (browser) => {
  it('forgets a frame that goes away, and a frame that found nothing never reports', async () => {
    const page = await browser().open(LIFE);
    await stateBecomes(browser(), LIFE, 2, BOTH);
    await page.evaluate(() => document.getElementById('child')!.remove());
    await stateBecomes(browser(), LIFE, 1, { 'vladimir-putin': 1, moscow: 1 });
    // A frame with no name of the story: no report, so no frame more.
    await page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.srcdoc = '<p>Nothing of the story here.</p>';
      document.body.append(frame);
      return new Promise((ok) => frame.addEventListener('load', ok, { once: true }));
    });
    await waitForPageRead(browser(), page);
    await stateBecomes(browser(), LIFE, 1, { 'vladimir-putin': 1, moscow: 1 });
    await page.close();
  });

  it('forgets a tab discarded from memory', async () => {
    // An address of its own: a discarded tab may outlive page.close() (Firefox), and no later test
    // may take it for its own.
    const path = `${LIFE}?discarded`;
    const page = await browser().open(path);
    await stateBecomes(browser(), path, 2, BOTH);
    const probe = await browser().openExtensionPage('popup.html');
    // Firefox keeps the tab's id and says it is discarded; Chromium replaces the tab by a new one.
    // Either way, what the old tab held is no longer counted anywhere.
    const frames = await probe.evaluate(async (url) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      const stateOf = async (tabId: number) => (await api.runtime.sendMessage<unknown, { frames: number }>({ type: 'get-tab-state', tabId })).frames;
      const tabId = (await api.tabs.query({})).find((t) => t.url === url)!.id!;
      const before = await stateOf(tabId);
      await api.tabs.discard(tabId);
      const deadline = Date.now() + 10_000;
      while ((await stateOf(tabId)) > 0 && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 100));
      return { before, after: await stateOf(tabId) };
    }, browser().url(path));
    await probe.close();
    expect(frames).toEqual({ before: 2, after: 0 });
    await page.close().catch(() => undefined);
  });

  it('keeps the counts of a page that changes its address itself (history.pushState, a new #fragment)', async () => {
    // Chromium tells of such a change as a tab 'loading', though the document stays.
    const page = await browser().open(`${LIFE}?spa`);
    await stateBecomes(browser(), `${LIFE}?spa`, 2, BOTH);
    await page.evaluate(() => history.pushState(null, '', 'page-life.html?spa=2'));
    await page.evaluate(() => (location.hash = 'later'));
    await waitForPageRead(browser(), page);
    await new Promise((ok) => setTimeout(ok, 500)); // what the background does on the tab's update
    await stateBecomes(browser(), `${LIFE}?spa=2#later`, 2, BOTH);
    await page.close();
  });

  it('forgets a page left for another, one that the browser does not keep', async () => {
    const page = await browser().open(LIFE);
    await stateBecomes(browser(), LIFE, 2, BOTH);
    await page.goto(browser().url(ELSEWHERE));
    await waitForPageRead(browser(), page);
    await stateBecomes(browser(), ELSEWHERE, 0, {});
    await page.close();
  });
});

forEachBrowser(
  'per-tab counts and the back/forward cache',
  (browser) => {
    it('shows a page\'s counts again when it comes back from the back/forward cache', async () => {
      const page = await browser().open(LIFE_CACHED);
      await stateBecomes(browser(), LIFE_CACHED, 2, BOTH);
      await page.goto(browser().url(ELSEWHERE));
      await waitForPageRead(browser(), page);
      // The page left took its counts with it.
      await stateBecomes(browser(), ELSEWHERE, 0, {});
      await page.evaluate(() => history.back());
      await page.waitFor(() => location.pathname.endsWith('/page-life.html') && document.readyState === 'complete');
      const fromCache = await page.evaluate(() => (window as unknown as { shownFromCache?: boolean }).shownFromCache);
      expect(fromCache, 'restored from the back/forward cache, not loaded again').toBe(true);
      await stateBecomes(browser(), LIFE_CACHED, 2, BOTH);
      // And they stay: nothing that comes after the restore (Firefox tells of the tab loading after the page has reported) takes them away.
      await new Promise((ok) => setTimeout(ok, 1000));
      await stateBecomes(browser(), LIFE_CACHED, 2, BOTH);
      await page.close();
    });
  },
  { backForwardCache: true },
);
