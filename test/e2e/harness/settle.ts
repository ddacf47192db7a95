import type { TestPage } from './common';

/**
 * Waits until Hashiya's marks on the page stop changing (the same count over `quietMs`), so a test
 * reads the finished state of a time-sliced pass; returns that count. A long read draws its first
 * slice at once and the rest when it ends or a second later (annotator.ts, DRAW_INTERVAL_MS), so
 * the quiet time must be longer than that second.
 */
export async function settleMarks(page: TestPage, quietMs = 1100, timeout = 30_000): Promise<number> {
  const count = () =>
    page.evaluate(() => {
      let n = 0;
      CSS.highlights.forEach((h, name) => {
        if (name.startsWith('hashiya-') && name !== 'hashiya-focus') n += h.size;
      });
      return n;
    });
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
