import { expect, it } from 'vitest';
import { SHOWN_HOST, waitForCard, waitForFocusInCard } from './card-page';
import { tabIdOf } from './controls-helpers';
import { frameMarks, highlightTexts, waitForMarks } from './harness/highlights';
import type { TestPage } from './harness/browsers';
import { forEachBrowser } from './harness/suite';

// The next/previous-mention shortcuts (commands next-mention, previous-mention): from the keyboard
// alone, with no caret and no focused link, the reader goes through every name Hashiya marked,
// in document order and through the page's frames. Each step scrolls the name into view, draws it
// as the focused mention, opens its card and puts the keyboard's focus in it (a screen reader
// announces the dialog). Headless browsers do not deliver a command's keys, so the test sends
// what the command's handler does (step-mentions), from one of Hashiya's pages.

const STEPS = '/fixtures/steps.html';

/** The text of the mention drawn as focused (the highlight of priority 1), in the page or in frame #id. */
const focusedMention = (page: TestPage, frameId: string | null) => highlightTexts(page, frameId, 1);

/** Whether element #id is within the viewport. */
const inView = (page: TestPage, id: string) =>
  page.evaluate((i) => {
    const r = document.getElementById(i)!.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }, id);

forEachBrowser('the next and previous mention, from the keyboard', (browser) => {
  it('go through every mention, the frame’s included, each scrolled to, drawn as focused and with its card focused', async () => {
    const page = await browser().open(STEPS);
    await waitForMarks(page, 3);
    await page.waitFor(() => {
      const win = (document.getElementById('frame') as HTMLIFrameElement).contentWindow as Window & typeof globalThis;
      return win.CSS.highlights.size > 0;
    });
    expect(await frameMarks(page, 'frame')).toEqual(['Sergei Lavrov']);
    const tabId = await tabIdOf(browser(), STEPS);
    const probe = await browser().openExtensionPage('popup.html');
    await page.bringToFront(); // the reader's page is in front: it scrolls smoothly there
    const step = (direction: 1 | -1) =>
      probe.evaluate(
        ([tab, d]) => ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).runtime.sendMessage({ type: 'step-mentions', tabId: tab, direction: d }),
        [tabId, direction] as const,
      );
    // The frame reports its names a moment after its marks are drawn.
    await expect.poll(() => probe.evaluate(async (tab) => (await ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).runtime.sendMessage({ type: 'get-tab-state', tabId: tab })).frames, tabId)).toBe(2);

    const inTop = async (entity: string, text: string, id: string) => {
      await waitForCard(page, entity);
      await waitForFocusInCard(page);
      expect(await focusedMention(page, null)).toEqual([text]);
      await expect.poll(() => inView(page, id)).toBe(true);
    };
    expect(await step(1)).toBe(true);
    await inTop('vladimir-putin', 'Putin', 'first');
    expect(await step(1)).toBe(true);
    await inTop('damascus', 'Damascus', 'second');
    expect(await step(1)).toBe(true);
    await inTop('ahmad-al-sharaa', 'Ahmad al-Sharaa', 'third');
    // The page's frames come after its own names: the page's card closes, the frame's opens and
    // takes the focus.
    expect(await step(1)).toBe(true);
    await page.waitFor((shown) => {
      const frame = document.getElementById('frame') as HTMLIFrameElement;
      return !document.querySelector(shown) && !!frame.contentDocument!.querySelector(shown) && document.activeElement === frame;
    }, SHOWN_HOST);
    expect(await focusedMention(page, 'frame')).toEqual(['Sergei Lavrov']);
    // Round to the first name again, and back.
    expect(await step(1)).toBe(true);
    await inTop('vladimir-putin', 'Putin', 'first');
    expect(await page.evaluate((shown) => !(document.getElementById('frame') as HTMLIFrameElement).contentDocument!.querySelector(shown), SHOWN_HOST)).toBe(true);
    expect(await step(-1)).toBe(true);
    await page.waitFor((shown) => !!(document.getElementById('frame') as HTMLIFrameElement).contentDocument!.querySelector(shown), SHOWN_HOST);
    expect(await step(-1)).toBe(true);
    await inTop('ahmad-al-sharaa', 'Ahmad al-Sharaa', 'third');
    await probe.close();
    await page.close();
  });

  it('a page with no name: the shortcut does nothing', async () => {
    const page = await browser().open('/fixtures/no-names.html');
    const tabId = await tabIdOf(browser(), '/fixtures/no-names.html');
    const probe = await browser().openExtensionPage('popup.html');
    expect(await probe.evaluate((tab) => ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).runtime.sendMessage({ type: 'step-mentions', tabId: tab, direction: 1 }), tabId)).toBe(false);
    await probe.close();
    await page.close();
  });
});
