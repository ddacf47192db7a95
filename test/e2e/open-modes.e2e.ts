import { afterEach, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import type { TestBrowser, TestPage } from './harness/browsers';
import { clearStoredSettings, setStoredSettings } from './harness/extension';
import { highlightTexts } from './harness/highlights';
import { waitForPageRead } from './harness/settle';
import { forEachBrowser } from './harness/suite';
import { NO_CARD_ASKED_MS, SHOWN_HOST, TWICE_CLOSE_GRACE_MS, middle, rectsOf, shownAfter, waitForCard, type Box } from './card-page';
import { stored, tabIdOf } from './controls-helpers';

// The three ways to open a card, as the reader chooses them in the options: on hover (the
// default), on hover while a key is held, on click alone. In every mode a card that must not
// open is looked for well past the hover delay, once the pointer's hit test has seen the name.

const PAGE = '/fixtures/card-basic.html';
/** Twice the hover delay: a card resting would open has opened by then. */
const PAST_HOVER_DELAY_MS = DEFAULT_SETTINGS.hoverDelay * 2;

/** Moves the pointer onto `box` and waits until the page drew the name there as the one under the pointer. */
async function restOn(page: TestPage, box: Box, name: string): Promise<void> {
  await page.mouse.move(...middle(box));
  await page.waitFor(
    (want) => {
      let drawn = false;
      CSS.highlights.forEach((h) => {
        if (h.priority === 1) for (const r of h) drawn ||= r.startContainer.textContent!.slice(r.startOffset).startsWith(want);
      });
      return drawn;
    },
    name,
  );
  expect(await highlightTexts(page, null, 1)).toEqual([name]);
}

/** Presses Tab until the focused element is `#id` (at most `limit` times). */
async function tabTo(page: TestPage, id: string, limit = 20): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((want) => document.activeElement?.id === want, id)) return;
  }
  throw new Error(`Tab never reached #${id}`);
}

/** Sends what the next-mention shortcut's handler sends (headless browsers do not deliver a command's keys): true when a card opened. */
async function nextMention(browser: TestBrowser, path: string): Promise<boolean> {
  const tabId = await tabIdOf(browser, path);
  const probe = await browser.openExtensionPage('popup.html');
  try {
    return await probe.evaluate(
      (tab) => ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).runtime.sendMessage({ type: 'step-mentions', tabId: tab, direction: 1 }),
      tabId,
    );
  } finally {
    await probe.close();
  }
}

/** Records, after the content script, whether the page's keydowns were cancelled (evaluated in the page). */
function recordKeys(): void {
  const w = window as unknown as { keysSeen: string[] };
  w.keysSeen = [];
  document.getElementById('field')!.addEventListener('keydown', (e) => w.keysSeen.push(`${e.key}${e.defaultPrevented ? ' (prevented)' : ''}`));
}

forEachBrowser('the three ways to open a card', (browser) => {
  afterEach(async () => clearStoredSettings(browser()));

  it('on hover by default; on click alone once the reader picks it in the options by keyboard, in a tab already open', async () => {
    const page = await browser().open(PAGE);
    await waitForPageRead(browser(), page);
    const [putin] = await rectsOf(page, 'person', 'Putin');
    await restOn(page, putin!, 'Putin');
    await waitForCard(page, 'vladimir-putin'); // hover: resting opens it
    await page.keyboard.press('Escape');
    await waitForCard(page, null);

    const options = await browser().openExtensionPage('options.html');
    await options.waitFor(() => document.getElementById('open-mode-hover') !== null);
    await options.bringToFront();
    expect(await options.evaluate(() => (document.getElementById('open-mode-hover') as HTMLInputElement).checked)).toBe(true);
    expect(await options.evaluate(() => document.getElementById('open-mode-key-help')?.textContent)).toMatch(/\S/); // a line on each
    expect(await options.evaluate(() => document.getElementById('open-mode-hold-key') === null)).toBe(true); // the key only with its mode
    await tabTo(options, 'open-mode-hover'); // the group is one Tab stop, at the checked radio
    await options.keyboard.press('ArrowDown');
    await options.waitFor(() => (document.getElementById('open-mode-hold-key') as HTMLSelectElement | null)?.value === 'shift');
    expect(await options.evaluate(() => (document.getElementById('hoverDelay') as HTMLSelectElement).disabled)).toBe(true);
    await options.keyboard.press('ArrowDown');
    await options.waitFor(() => (document.getElementById('open-mode-click') as HTMLInputElement).checked && document.getElementById('open-mode-hold-key') === null);
    await expect.poll(async () => (await stored(browser())).sync.openMode).toBe('click');
    await options.close();
    await page.bringToFront();

    // Click: resting opens nothing, however long; a click does, leaving the page's selection as a click does.
    await page.mouse.move(600, 5);
    await restOn(page, putin!, 'Putin');
    expect(await shownAfter(page, PAST_HOVER_DELAY_MS)).toBe(false);
    await page.evaluate(() => {
      const w = window as unknown as { clickCancelled?: boolean };
      addEventListener('click', (e) => (w.clickCancelled = e.defaultPrevented), { once: true });
    });
    await page.mouse.click(...middle(putin!));
    await waitForCard(page, 'vladimir-putin');
    expect(await page.evaluate(() => [(window as unknown as { clickCancelled?: boolean }).clickCancelled, getSelection()!.isCollapsed])).toEqual([false, true]);
    // The pointer leaving neither closes it nor opens another.
    const [kremlin] = await rectsOf(page, 'org', 'Kremlin');
    await restOn(page, kremlin!, 'Kremlin');
    await page.mouse.move(600, 5);
    expect(await shownAfter(page, TWICE_CLOSE_GRACE_MS)).toBe(true);
    await waitForCard(page, 'vladimir-putin', 100);
    await page.mouse.click(600, 5); // a click elsewhere closes it
    await waitForCard(page, null);
    await page.touch.tap(...middle(kremlin!)); // so does a tap
    await waitForCard(page, 'kremlin');
    await page.keyboard.press('Escape');
    await waitForCard(page, null);
    expect(await nextMention(browser(), PAGE)).toBe(true); // the shortcuts open cards in every mode
    await page.bringToFront();
    await waitForCard(page, 'vladimir-putin');
    await page.keyboard.press('Escape');
    await waitForCard(page, null);

    // A linked name stays a link: a plain click follows it and opens no card.
    const [linked] = await rectsOf(page, 'link', 'Vladimir Putin');
    await page.evaluate(
      ([shown, wait]) => {
        addEventListener('click', () => setTimeout(() => ((window as unknown as { cardOnClick: boolean }).cardOnClick = !!document.querySelector(shown)), wait), { once: true });
      },
      [SHOWN_HOST, NO_CARD_ASKED_MS] as const,
    );
    await page.mouse.click(...middle(linked!));
    await page.waitFor(() => location.hash === '#followed' && (window as unknown as { cardOnClick?: boolean }).cardOnClick !== undefined);
    expect(await page.evaluate(() => (window as unknown as { cardOnClick: boolean }).cardOnClick)).toBe(false);
    await page.close();
  });

  it('while a key is held: resting opens nothing; holding the key does, pressed there or held on the way; typed in a field it is the page\'s', async () => {
    await setStoredSettings(browser(), { version: 2, openMode: 'key' }); // Shift, the default key
    const page = await browser().open(PAGE);
    await waitForPageRead(browser(), page);
    const [putin] = await rectsOf(page, 'person', 'Putin');
    const [kremlin] = await rectsOf(page, 'org', 'Kremlin');
    await restOn(page, putin!, 'Putin');
    expect(await shownAfter(page, PAST_HOVER_DELAY_MS)).toBe(false);
    await page.keyboard.down('Shift'); // pressed while the pointer rests on the name
    await waitForCard(page, 'vladimir-putin');
    await page.keyboard.up('Shift');
    await page.keyboard.press('Escape');
    await waitForCard(page, null);

    await page.mouse.move(600, 5);
    await page.keyboard.down('Shift'); // held while the pointer comes to the name
    await restOn(page, kremlin!, 'Kremlin');
    await waitForCard(page, 'kremlin');
    await page.keyboard.up('Shift');
    await page.keyboard.press('Escape');
    await waitForCard(page, null);
    await page.mouse.move(600, 5);
    await restOn(page, kremlin!, 'Kremlin'); // the key let go: resting opens nothing again
    expect(await shownAfter(page, PAST_HOVER_DELAY_MS)).toBe(false);

    // Shift typed in the page's field, the pointer resting on a name: a capital in the field, no card.
    await page.evaluate(recordKeys);
    await page.mouse.click(...(await page.evaluate(() => {
      const r = document.getElementById('field')!.getBoundingClientRect();
      return [r.right - 4, (r.top + r.bottom) / 2] as [number, number];
    })));
    await page.waitFor(() => document.activeElement?.id === 'field');
    await restOn(page, putin!, 'Putin');
    await page.keyboard.down('Shift');
    await page.keyboard.press('A');
    await page.keyboard.up('Shift');
    await page.waitFor(() => (document.getElementById('field') as HTMLInputElement).value === 'PutinA');
    expect(await page.evaluate(() => (window as unknown as { keysSeen: string[] }).keysSeen)).toEqual(['Shift', 'A']);
    expect(await shownAfter(page, NO_CARD_ASKED_MS)).toBe(false);
    expect(await nextMention(browser(), PAGE)).toBe(true); // the shortcuts open cards in every mode
    await page.bringToFront();
    await waitForCard(page, 'vladimir-putin');
    await page.close();
  });
});
