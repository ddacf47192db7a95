import { expect, it } from 'vitest';
import { forEachBrowser } from './harness/suite';
import { tabStateOf } from './harness/extension';

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
    await page.evaluate(() => new Promise((ok) => setTimeout(ok, 300)));
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
