import { expect, it } from 'vitest';
import { forEachBrowser } from './harness/suite';
import { tabStateOf } from './harness/extension';
import { waitForPageRead } from './harness/settle';

/** How long after the page is read a test watches for requests that must not be made. */
const NO_REQUEST_WATCH_MS = 300;

forEachBrowser('smoke', (browser) => {
  it('starts the background and runs the content script in a served page', async () => {
    const page = await browser().open('/fixtures/plain.html');
    const state = await tabStateOf(browser(), '/fixtures/plain.html');
    expect(state.frames).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('renders the popup and the options page with no error', async () => {
    const popup = await browser().openExtensionPage('popup.html');
    expect(await popup.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Hashiya');
    await popup.close();
    const options = await browser().openExtensionPage('options.html');
    expect(await options.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Hashiya options');
    expect(await options.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await options.close();
  });

  it('sends nothing beyond 127.0.0.1', async () => {
    const page = await browser().open('/fixtures/plain.html');
    await waitForPageRead(browser(), page);
    // A request that must not come has no fact to wait for: after the read, a little longer.
    await new Promise((ok) => setTimeout(ok, NO_REQUEST_WATCH_MS));
    expect(browser().blockedRequests).toEqual([]);
    await page.close();
  });

  it('records and aborts a request to any other address', async () => {
    const page = await browser().open('/fixtures/plain.html');
    const outcome = await page.evaluate(() =>
      fetch('http://example.com/hashiya-probe').then(
        () => 'reached',
        () => 'refused',
      ),
    );
    expect(outcome).toBe('refused');
    expect(browser().blockedRequests).toContain('http://example.com/hashiya-probe');
    browser().blockedRequests.length = 0;
    await page.close();
  });
});
