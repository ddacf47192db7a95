import { afterEach, expect, it } from 'vitest';
import { clearStoredSettings, setStoredSettings, tabStateOf } from './harness/extension';
import { waitForMarks } from './harness/highlights';
import { forEachBrowser } from './harness/suite';
import { waitForCard, waitForFocusInCard } from './card-page';
import { badgeOf, click, inExtension, tabIdOf, waitForBadge, waitForMarkCount } from './controls-helpers';
import { markCount } from './harness/settle';

// The reader in control: the popup's switches, the toggle command, the badge, the entity list,
// and a background that loses nothing when it is stopped.

const PLAIN = '/fixtures/plain.html';

forEachBrowser('toolbar and background', (browser) => {
  afterEach(async () => clearStoredSettings(browser()));

  it('the popup switches Hashiya off and on: marks go and come back, the badge says off, then counts', async () => {
    const page = await browser().open(PLAIN);
    await waitForMarks(page, 3);
    const marks = await markCount(page);
    const tabId = await tabIdOf(browser(), PLAIN);
    const entities = Object.keys((await tabStateOf(browser(), PLAIN)).counts).length;
    await waitForBadge(browser(), tabId, String(entities));
    const popup = await browser().openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitFor(() => document.querySelectorAll('button.entity').length > 0);
    expect(await popup.evaluate(() => document.querySelectorAll('button.entity').length)).toBe(entities);
    await click(popup, '#global');
    await waitForMarkCount(page, 0);
    await waitForBadge(browser(), tabId, 'off');
    await click(popup, '#global');
    await waitForMarkCount(page, marks);
    await waitForBadge(browser(), tabId, String(entities));
    await popup.close();
    await page.close();
  });

  it('the toggle command (driven through its handler: headless browsers do not deliver its keys) does the same', async () => {
    const page = await browser().open(PLAIN);
    await waitForMarks(page, 3);
    const marks = await markCount(page);
    const toggle = () => inExtension(browser(), () => ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).runtime.sendMessage({ type: 'toggle-hashiya' }), null);
    expect(await toggle()).toBe(false);
    await waitForMarkCount(page, 0);
    expect(await toggle()).toBe(true);
    await waitForMarkCount(page, marks);
    await page.close();
  });

  it('a site switched off in the popup stays off after a reload; a pattern for other sites leaves this one on', async () => {
    await setStoredSettings(browser(), { version: 2, disabledSites: ['*.example.com'] });
    const page = await browser().open(PLAIN);
    await waitForMarks(page, 3);
    const tabId = await tabIdOf(browser(), PLAIN);
    const popup = await browser().openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitFor(() => document.querySelector('#site') !== null);
    await click(popup, '#site');
    await waitForMarkCount(page, 0);
    await popup.close();
    await page.goto(browser().url(PLAIN));
    await waitForBadge(browser(), tabId, 'off');
    expect(await markCount(page)).toBe(0);
    const stored = await inExtension(browser(), () => ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).storage.sync.get(null), null);
    expect(stored.disabledSites).toEqual(['*.example.com', '127.0.0.1']);
    await page.close();
  });

  it('choosing a name in the popup scrolls the page to it, again to its next mention, and opens its card, focused', async () => {
    const page = await browser().open('/fixtures/tall.html');
    await waitForMarks(page, 2);
    const tabId = await tabIdOf(browser(), '/fixtures/tall.html');
    const popup = await browser().openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitFor(() => document.querySelector('button[data-entity="vladimir-putin"]') !== null);
    await click(popup, 'button[data-entity="vladimir-putin"]');
    await click(popup, 'button[data-entity="vladimir-putin"]');
    await popup.close();
    await page.bringToFront();
    await page.waitFor(() => {
      const rect = document.getElementById('far')!.getBoundingClientRect();
      return scrollY > 0 && rect.top >= 0 && rect.bottom <= innerHeight;
    });
    await waitForCard(page, 'vladimir-putin');
    // The reader chose with the keyboard or the mouse in the popup, and is now in the card.
    await waitForFocusInCard(page);
    await page.close();
  });

  it('a restarted background has the per-tab counts still, without asking the tabs', async ({ skip }) => {
    if (browser().name !== 'chromium') skip(); // Firefox's event page is stopped by its idle timeout: controls-event-page.e2e.ts
    const page = await browser().open(PLAIN);
    await waitForMarks(page, 3);
    const before = await tabStateOf(browser(), PLAIN);
    // Stop the service worker: the counts are in storage.session, which outlives it (the content
    // script can no longer be asked to report again: messages.test.ts).
    const internals = await browser().open('chrome://serviceworker-internals/');
    const stopButtons = '[data-command="stop"]';
    await internals.waitFor((sel) => document.querySelectorAll(sel).length > 0, stopButtons);
    await internals.evaluate((sel) => document.querySelectorAll<HTMLElement>(sel).forEach((b) => b.click()), stopButtons);
    // A stopped worker has no stop button left.
    await internals.waitFor((sel) => document.querySelectorAll(sel).length === 0, stopButtons);
    await internals.close();
    const after = await tabStateOf(browser(), PLAIN);
    expect(after.counts).toEqual(before.counts);
    expect(await badgeOf(browser(), before.tabId)).toBe(String(Object.keys(before.counts).length));
    await page.close();
  });
});
