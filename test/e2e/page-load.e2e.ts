import { expect, it } from 'vitest';
import { forEachBrowser } from './harness/suite';
import { waitForPageRead } from './harness/settle';

// What a page load pays for Hashiya before it has found anything (issue #17). The read starts in
// a task of its own after DOMContentLoaded, so the page's own listeners of that event are not
// held back by it; and a page with no name of the story gets no highlight registered at all.

/** The number of ranges in the page's highlights, and how many highlights are registered. */
const highlights = () => {
  let marks = 0;
  CSS.highlights.forEach((h) => (marks += h.size));
  return { marks, registered: CSS.highlights.size };
};

forEachBrowser('page load', (browser) => {
  it("reads after the page's own DOMContentLoaded listeners, not before them", async () => {
    const page = await browser().open('/fixtures/dom-ready.html');
    await waitForPageRead(browser(), page);
    expect((await page.evaluate(highlights)).marks).toBeGreaterThanOrEqual(6);
    // When the page's listener ran, Hashiya had drawn nothing and registered nothing.
    expect(await page.evaluate(() => (window as unknown as { atDomReady: unknown }).atDomReady)).toEqual({ marks: 0, registered: 0 });
    await page.close();
  });

  it('registers no highlight on a page with no name of the story', async () => {
    const page = await browser().open('/fixtures/no-names.html');
    await waitForPageRead(browser(), page);
    expect(await page.evaluate(highlights)).toEqual({ marks: 0, registered: 0 });
    await page.close();
  });
});
