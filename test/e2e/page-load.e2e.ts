import { expect, it } from 'vitest';
import { forEachBrowser } from './harness/suite';
import { waitForPageRead } from './harness/settle';

// What a page load pays for Hashiya before it has found anything (issue #17). The read starts
// after the page's own listeners of DOMContentLoaded, so they are not held back by it: at the
// event's end where the engine is there already, else in a task of its own; and a page with no
// name of the story gets no highlight registered at all.

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
    // Where the engine is there before the event (Firefox's top frame), the page is marked by the
    // event's end, not some tasks later; in Chromium the engine is asked for then.
    const atEnd = await page.evaluate(() => (window as unknown as { atDomReadyEnd: { marks: number } }).atDomReadyEnd);
    if (browser().name === 'firefox') expect(atEnd.marks).toBeGreaterThanOrEqual(6);
    else expect(atEnd).toEqual({ marks: 0, registered: 0 });
    await page.close();
  });

  it("reads in a later task when the page's own listeners took long, or stopped the event", async () => {
    for (const query of ['busy=30', 'stop']) {
      const page = await browser().open(`/fixtures/dom-ready.html?${query}`);
      await waitForPageRead(browser(), page);
      expect((await page.evaluate(highlights)).marks, query).toBeGreaterThanOrEqual(6);
      const seen = await page.evaluate(() => { const w = window as unknown as { atDomReady: unknown; atDomReadyEnd: unknown }; return { atDomReady: w.atDomReady, atDomReadyEnd: w.atDomReadyEnd }; });
      // Nothing was read in the task of listeners that took 30 ms: the first slice would have made
      // it a long task. A stopped event never reaches the window: the read came all the same.
      expect(seen.atDomReady, query).toEqual({ marks: 0, registered: 0 });
      expect(seen.atDomReadyEnd, query).toEqual(query === 'stop' ? null : { marks: 0, registered: 0 });
      await page.close();
    }
  });

  it('registers no highlight on a page with no name of the story', async () => {
    const page = await browser().open('/fixtures/no-names.html');
    await waitForPageRead(browser(), page);
    expect(await page.evaluate(highlights)).toEqual({ marks: 0, registered: 0 });
    await page.close();
  });
});
