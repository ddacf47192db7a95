import { describe, expect, it } from 'vitest';
import { badgeOf } from './controls-helpers';
import { launchBrowser } from './harness/browsers';
import { tabStateOf } from './harness/extension';
import { waitForMarks } from './harness/highlights';
import { selectedBrowsers } from './harness/suite';

// Firefox's event page stops when idle (after 30 s by default; 1.5 s here): a stopped and woken
// background still has the per-tab counts, in storage.session, since it keeps nothing in memory
// and asks no tab again.
// (Chromium's service worker is stopped from chrome://serviceworker-internals in controls.e2e.ts.)

const PLAIN = '/fixtures/plain.html';
/** Long enough for the event page to be stopped after its 1.5 s idle timeout. */
const EVENT_PAGE_STOPS_MS = 5000;

describe.runIf(selectedBrowsers().includes('firefox'))('a suspended event page [firefox]', () => {
  it('has the per-tab counts when it wakes, and the badge shows them', async () => {
    const browser = await launchBrowser('firefox', { firefoxPrefs: { 'extensions.background.idle.timeout': 1500 } });
    try {
      const page = await browser.open(PLAIN);
      await waitForMarks(page, 3);
      const before = await tabStateOf(browser, PLAIN);
      // The event page's stop cannot be seen from outside without waking it: give it the idle
      // timeout above and room for a loaded machine.
      await new Promise((ok) => setTimeout(ok, EVENT_PAGE_STOPS_MS));
      const after = await tabStateOf(browser, PLAIN);
      expect(after.counts).toEqual(before.counts);
      expect(await badgeOf(browser, before.tabId)).toBe(String(Object.keys(before.counts).length));
      expect(browser.extensionErrors).toEqual([]);
      await page.close();
    } finally {
      await browser.close();
    }
  });
});
