import { expect, it } from 'vitest';
import type { TestPage } from './harness/browsers';
import { settleMarks } from './harness/settle';
import { forEachBrowser } from './harness/suite';
import { middle, rectsOf } from './card-page';

// Hit testing, seen from the page: the mention under the pointer is drawn in the focus highlight.
// A point past the end of a line (where the caret still snaps to the last character) is no hit,
// on left-to-right, right-to-left and mixed lines alike.


const focused = (page: TestPage) =>
  page.evaluate(() => {
    const focus = CSS.highlights.get('hashiya-focus');
    const r = focus ? [...focus][0] : undefined;
    if (!r) return null;
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range.toString().replace(/\s+/g, ' ');
  });

async function pointAt(page: TestPage, x: number, y: number): Promise<string | null> {
  await page.mouse.move(x, y);
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  return focused(page);
}

forEachBrowser('hit testing', (browser) => {
  it('finds the mention under the pointer on LTR, RTL, mixed and wrapped lines, and nothing past a line end', async () => {
    const page = await browser().open('/fixtures/hit.html');
    await settleMarks(page);

    const [ltr] = await rectsOf(page, 'ltr', 'Putin');
    expect(await pointAt(page, ...middle(ltr!))).toBe('Putin');
    expect(await pointAt(page, ltr!.right + 60, (ltr!.top + ltr!.bottom) / 2)).toBeNull(); // past the line's end

    const [rtl] = await rectsOf(page, 'rtl', 'بوتين');
    expect(await pointAt(page, ...middle(rtl!))).toBe('بوتين');
    expect(await pointAt(page, rtl!.left - 60, (rtl!.top + rtl!.bottom) / 2)).toBeNull(); // past an RTL line's end

    const [latin] = await rectsOf(page, 'mixed', 'Vladimir Putin');
    expect(await pointAt(page, ...middle(latin!))).toBe('Vladimir Putin');
    const [kremlin] = await rectsOf(page, 'mixed', 'الكرملين');
    expect(await pointAt(page, ...middle(kremlin!))).toBe('الكرملين');

    const wrapped = await rectsOf(page, 'wrap', 'Vladimir Putin');
    expect(wrapped.length).toBeGreaterThan(1); // the fixture wraps the name over two lines
    expect(await pointAt(page, ...middle(wrapped[wrapped.length - 1]!))).toBe('Vladimir Putin');
    // Between the paragraphs: no line box there, no hit.
    expect(await pointAt(page, ltr!.left, ltr!.bottom + 14)).toBeNull();
    await page.close();
  });
});
