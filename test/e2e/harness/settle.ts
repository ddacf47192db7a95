import type { TestBrowser, TestPage } from './common';

/**
 * Waits until Hashiya has read the page in `page`'s top frame as it is now and drawn its marks:
 * a read has run, none is under way, and no change waits (Annotator.pageRead). Asked from one of
 * the extension's own pages with tabs.sendMessage, which the page's scripts can neither see nor
 * send. A change the test has just made is seen: its mutation records reach Hashiya before the
 * question does.
 */
export async function waitForPageRead(browser: TestBrowser, page: TestPage, timeout = 30_000): Promise<void> {
  const url = await page.evaluate(() => location.href);
  const probe = await browser.openExtensionPage('popup.html');
  try {
    const deadline = Date.now() + timeout;
    for (;;) {
      const read = await probe.evaluate(async (target) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const tabs = (await api.tabs.query({})).filter((t) => t.url === target && t.id !== undefined);
        // No answer (the content script not listening yet) is not read either.
        const answers = await Promise.all(
          tabs.map((tab) => api.tabs.sendMessage(tab.id!, { type: 'get-page-read' }, { frameId: 0 }).then((answer) => answer === true, () => false)),
        );
        return answers.length > 0 && answers.every(Boolean);
      }, url);
      if (read) return;
      if (Date.now() > deadline) throw new Error(`Hashiya did not finish reading ${url}`);
      await new Promise((ok) => setTimeout(ok, 50)); // the next question
    }
  } finally {
    await probe.close();
  }
}

/** How many ranges Hashiya has drawn on `page` (every highlight but the focus). */
export function markCount(page: TestPage): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    CSS.highlights.forEach((h) => {
      if (h.priority === 0) n += h.size;
    });
    return n;
  });
}

/**
 * Waits until Hashiya's marks on the page stop changing (the same count over `quietMs`), so a test
 * reads the finished state of a time-sliced pass; returns that count. Where the extension can be
 * asked, waitForPageRead waits for the fact instead; this is for the benchmarks, for a browser
 * without Hashiya, and for the reader page, which is an extension page and not a tab's content
 * script that tabs.sendMessage can ask (a second of quiet). A long read draws its first
 * slice at once and the rest when it ends or a second later (sliced-read.ts, DRAW_INTERVAL_MS), so
 * the quiet time must be longer than that second.
 */
export async function settleMarks(page: TestPage, quietMs = 1100, timeout = 30_000): Promise<number> {
  const count = () => markCount(page);
  const deadline = Date.now() + timeout;
  let last = await count();
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    await new Promise((ok) => setTimeout(ok, 100));
    const now = await count();
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= quietMs) {
      return now;
    }
  }
  throw new Error('the marks kept changing');
}
