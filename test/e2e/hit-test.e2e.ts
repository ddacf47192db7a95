import { expect, it } from 'vitest';
import type { TestPage } from './harness/browsers';
import { waitForPageRead } from './harness/settle';
import { forEachBrowser } from './harness/suite';
import { middle, rectsOf } from './card-page';

// Hit testing, seen from the page: the mention under the pointer is drawn in the focus highlight.
// A point past the end of a line (where the caret still snaps to the last character) is no hit,
// on left-to-right, right-to-left and mixed lines alike.


/** The text of the mention in the focus highlight, or null (evaluated in the page). */
function focusedText(): string | null {
  let focus: Highlight | undefined;
  CSS.highlights.forEach((h) => (h.priority === 1 ? (focus = h) : undefined)); // Hashiya's focus highlight
  const r = focus ? [...focus][0] : undefined;
  if (!r) return null;
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range.toString().replace(/\s+/g, ' ');
}

/**
 * Moves the pointer to (x, y) and answers what the focus highlight then holds: it waits until the
 * highlight shows `expected` (the hit test runs in a frame after the pointer event, later on a busy
 * machine), for at most two seconds, so a wrong answer still comes back to be reported.
 */
async function pointAt(page: TestPage, x: number, y: number, expected: string | null): Promise<string | null> {
  await page.mouse.move(x, y);
  const until = Date.now() + 2_000;
  for (;;) {
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(ok)));
    const text = await page.evaluate(focusedText);
    if (text === expected || Date.now() > until) return text;
  }
}

forEachBrowser('hit testing', (browser) => {
  it('finds the mention under the pointer on LTR, RTL, mixed and wrapped lines, and nothing past a line end', async () => {
    const page = await browser().open('/fixtures/hit.html');
    await waitForPageRead(browser(), page);

    const [ltr] = await rectsOf(page, 'ltr', 'Putin');
    expect(await pointAt(page, ...middle(ltr!), 'Putin')).toBe('Putin');
    expect(await pointAt(page, ltr!.right + 60, (ltr!.top + ltr!.bottom) / 2, null)).toBeNull(); // past the line's end

    const [rtl] = await rectsOf(page, 'rtl', 'بوتين');
    expect(await pointAt(page, ...middle(rtl!), 'بوتين')).toBe('بوتين');
    expect(await pointAt(page, rtl!.left - 60, (rtl!.top + rtl!.bottom) / 2, null)).toBeNull(); // past an RTL line's end

    const [latin] = await rectsOf(page, 'mixed', 'Vladimir Putin');
    expect(await pointAt(page, ...middle(latin!), 'Vladimir Putin')).toBe('Vladimir Putin');
    const [kremlin] = await rectsOf(page, 'mixed', 'الكرملين');
    expect(await pointAt(page, ...middle(kremlin!), 'الكرملين')).toBe('الكرملين');

    const wrapped = await rectsOf(page, 'wrap', 'Vladimir Putin');
    expect(wrapped.length).toBeGreaterThan(1); // the fixture wraps the name over two lines
    expect(await pointAt(page, ...middle(wrapped[wrapped.length - 1]!), 'Vladimir Putin')).toBe('Vladimir Putin');
    // Between the paragraphs: no line box there, no hit.
    expect(await pointAt(page, ltr!.left, ltr!.bottom + 14, null)).toBeNull();
    await page.close();
  });
});
