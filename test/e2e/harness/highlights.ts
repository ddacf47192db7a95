import type { TestPage } from './common';

/** One mark as the page's main world sees it in CSS.highlights. */
export interface MarkedRange {
  readonly highlight: string;
  readonly text: string;
}

/** Every range Hashiya registered in CSS.highlights, as (highlight name, text), in page order. */
export function readHighlights(page: TestPage): Promise<MarkedRange[]> {
  return page.evaluate(() => {
    const out: { highlight: string; text: string; node: Node; offset: number }[] = [];
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('hashiya-') || name === 'hashiya-focus') return;
      for (const r of highlight) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        out.push({ highlight: name, text: range.toString(), node: r.startContainer, offset: r.startOffset });
      }
    });
    out.sort((a, b) => (a.node === b.node ? a.offset - b.offset : a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    return out.map(({ highlight, text }) => ({ highlight, text }));
  });
}

/** The marked texts, once the page has at least `atLeast` of them (waits up to 10 s). */
export async function waitForMarks(page: TestPage, atLeast = 1): Promise<string[]> {
  await page.waitFor(
    (n) => {
      let count = 0;
      CSS.highlights.forEach((h, name) => {
        if (name.startsWith('hashiya-') && name !== 'hashiya-focus') count += h.size;
      });
      return count >= n;
    },
    atLeast,
  );
  return (await readHighlights(page)).map((m) => m.text);
}

/** Waits until `text` is marked on `page` (`present`) or no longer marked. */
export function waitForMarked(page: TestPage, text: string, present: boolean): Promise<void> {
  return page.waitFor(
    ([t, want]) => {
      let found = false;
      CSS.highlights.forEach((h, name) => {
        if (!name.startsWith('hashiya-') || name === 'hashiya-focus') return;
        for (const r of h) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          if (range.toString() === t) found = true;
        }
      });
      return found === want;
    },
    [text, present] as const,
  );
}
