import type { TestBrowser, TestPage } from './common';

// Hashiya's highlights have names made up for each page (content/highlight-names.ts): as a page
// sees them, its marks are the highlights of priority 0 and the mention under the pointer the one
// of priority 1 (the test pages register none of their own). Which name draws which style only the
// content script knows: `highlightNames` asks it, as an extension page can and a page cannot.

/** The page's highlight names by key (`dotted-teal`, `focus`: settings/mark-styles.ts). */
export async function highlightNames(browser: TestBrowser, page: TestPage): Promise<Record<string, string>> {
  const url = await page.evaluate(() => location.href);
  const probe = await browser.openExtensionPage('popup.html');
  try {
    return await probe.evaluate<Record<string, string>, string>(async (target) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      const tab = (await api.tabs.query({})).find((t) => t.url === target && t.id !== undefined);
      if (!tab) throw new Error(`no tab at ${target}`);
      return api.tabs.sendMessage(tab.id!, { type: 'get-highlight-names' }, { frameId: 0 });
    }, url);
  } finally {
    await probe.close();
  }
}

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
      if (highlight.priority !== 0) return;
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
      CSS.highlights.forEach((h) => {
        if (h.priority === 0) count += h.size;
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
      CSS.highlights.forEach((h) => {
        if (h.priority !== 0) return;
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

/** The marks inside a same-origin frame (by its element id), read through the parent page. */
export function frameMarks(page: TestPage, id: string): Promise<string[]> {
  return highlightTexts(page, id, 0);
}

/**
 * The texts of Hashiya's highlights of `priority` (0: the marks, 1: the mention drawn as focused)
 * in the page (`id` null) or in its same-origin frame #id.
 */
export function highlightTexts(page: TestPage, id: string | null, priority: number): Promise<string[]> {
  return page.evaluate(
    ([frameId, wanted]) => {
      const win = (frameId === null ? window : (document.getElementById(frameId) as HTMLIFrameElement).contentWindow) as Window & typeof globalThis;
      const out: string[] = [];
      win.CSS.highlights.forEach((h) => {
        if (h.priority !== wanted) return;
        for (const r of h) {
          const range = win.document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          out.push(range.toString());
        }
      });
      return out;
    },
    [id, priority] as const,
  );
}
