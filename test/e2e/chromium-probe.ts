import type { ChromiumSuite } from './harness/chromium-suite';
import { wrapPlaywrightPage } from './harness/chromium';
import type { TestBrowser } from './harness/common';

/**
 * What waitForPageRead needs of a browser, for a Chromium suite (harness/chromium-suite.ts): the
 * extension's pages opened in its context, asked as in the two-browser tests.
 */
export function extensionPages(suite: ChromiumSuite): TestBrowser {
  // Node's URL gives `null` as the origin of a chrome-extension: URL.
  const origin = /^chrome-extension:\/\/[a-z]+/.exec(suite.context.serviceWorkers()[0]!.url())![0];
  return {
    openExtensionPage: async (path: string) => {
      const tab = await suite.context.newPage();
      await tab.goto(`${origin}/${path}`);
      return wrapPlaywrightPage(tab);
    },
  } as TestBrowser;
}
