import { expect, it } from 'vitest';
import { inExtension } from './controls-helpers';
import { CLOSED_SHADOW_ROOTS } from './harness/browsers';
import type { TestPage } from './harness/browsers';
import { tabStateOf } from './harness/extension';
import { waitForMarks } from './harness/highlights';
import { forEachBrowser } from './harness/suite';

// Screen readers are told, once per page and politely, how many names of the story Hashiya marked
// there and the keys that go to them (the next-mention command, as the browser has it now), from a
// live region the page cannot read (a closed shadow root on <html>, outside the page's body).

const PLAIN = '/fixtures/plain.html';

/** The live regions in closed shadow roots of the page: their role, politeness and text. */
async function liveRegions(page: TestPage): Promise<{ role: string | null; live: string | null; text: string; onRoot: boolean }[]> {
  await page.revealClosedShadowRoots();
  return page.evaluate((key) => {
    const roots = (window as unknown as Record<string, ShadowRoot[] | undefined>)[key] ?? [];
    return roots.flatMap((root) =>
      [...root.querySelectorAll('[aria-live]')].map((region) => ({
        role: region.getAttribute('role'),
        live: region.getAttribute('aria-live'),
        text: region.textContent ?? '',
        onRoot: root.host.parentNode === document.documentElement,
      })),
    );
  }, CLOSED_SHADOW_ROOTS);
}

forEachBrowser('the count told to screen readers', (browser) => {
  it('tells how many names the page holds and the next-name keys, once and politely', async () => {
    const page = await browser().open(PLAIN);
    await waitForMarks(page, 3);
    const entities = Object.keys((await tabStateOf(browser(), PLAIN)).counts).length;
    const shortcut = await inExtension(browser(), async () => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      return (await api.commands.getAll()).find((c) => c.name === 'next-mention')?.shortcut ?? '';
    }, null);
    await page.bringToFront();
    let regions: Awaited<ReturnType<typeof liveRegions>> = [];
    await expect.poll(async () => (regions = await liveRegions(page)).filter((r) => r.text !== '').length, { timeout: 10_000 }).toBe(1);
    const told = regions.find((r) => r.text !== '')!;
    expect(told).toMatchObject({ role: 'status', live: 'polite', onRoot: true });
    expect(shortcut).not.toBe(''); // the manifest suggests keys for next-mention
    const expected = `Names from the story on this page, marked by Hashiya: ${entities}.` + (shortcut ? ` Next name: ${shortcut}.` : '');
    expect(told.text).toBe(expected);
    expect(entities).toBe(3);

    // Once: a name that comes later is marked, and nothing more is told.
    await page.evaluate(() => {
      (window as unknown as { added: number }).added = 0;
      new MutationObserver((records) => {
        for (const r of records) (window as unknown as { added: number }).added += r.addedNodes.length;
      }).observe(document.documentElement, { childList: true });
      document.body.append(Object.assign(document.createElement('p'), { textContent: 'Sergei Lavrov was there too.' }));
    });
    await waitForMarks(page, 4);
    await new Promise((r) => setTimeout(r, 2500));
    expect(await page.evaluate(() => (window as unknown as { added: number }).added)).toBe(0);
    // What the page sees of it: an element on <html> of a made-up name with no attribute and no
    // text of its own, that leaves once it has been read.
    const outside = () => page.evaluate(() => [...document.documentElement.children].filter((e) => e.localName !== 'head' && e.localName !== 'body').map((e) => ({ name: e.localName, attributes: e.attributes.length, text: e.textContent, open: e.shadowRoot })));
    expect(await outside()).toEqual([{ name: expect.stringMatching(/^[a-z]{6}-[a-z]{6}$/), attributes: 0, text: '', open: null }]);
    await expect.poll(outside, { timeout: 15_000, interval: 1000 }).toEqual([]);
    await page.close();
  });
});
