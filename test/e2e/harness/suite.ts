import { afterAll, afterEach, beforeAll, describe, expect } from 'vitest';
import { BROWSER_NAMES, launchBrowser, type BrowserName, type BrowserOptions, type TestBrowser } from './browsers';

/** The browsers to test: both, or those named in HASHIYA_BROWSERS (e.g. `chromium`). */
export function selectedBrowsers(): readonly BrowserName[] {
  const wanted = process.env.HASHIYA_BROWSERS?.split(',').map((name) => name.trim());
  return wanted ? BROWSER_NAMES.filter((name) => wanted.includes(name)) : BROWSER_NAMES;
}

/**
 * Runs `body` once per browser with one launched browser shared by its tests. After every test,
 * any error that came from the extension fails it.
 */
export function forEachBrowser(title: string, body: (browser: () => TestBrowser) => void, options: BrowserOptions = {}): void {
  for (const name of selectedBrowsers()) {
    describe(`${title} [${name}]`, () => {
      let browser: TestBrowser | undefined;
      beforeAll(async () => {
        browser = await launchBrowser(name, options);
      });
      afterAll(async () => {
        await browser?.close();
      });
      afterEach(() => {
        if (!browser) return;
        const errors = browser.extensionErrors.splice(0);
        expect(errors, 'errors from the extension').toEqual([]);
      });
      body(() => {
        if (!browser) throw new Error(`${name} did not start`);
        return browser;
      });
    });
  }
}
