import { expect, it } from 'vitest';
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
