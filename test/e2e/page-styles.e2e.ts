import { describe, expect, it } from 'vitest';
import { useChromiumSuite } from './harness/chromium-suite';
import { selectedBrowsers } from './harness/suite';

// A stylesheet of ::highlight() rules added to a page once it is laid out restyles the whole
// document (on the stress page 500-1 200 ms in one task). In Chromium the rules hang on the root
// (highlight inheritance), which costs the page's style nothing, and the top frame asks for them
// while the page is still parsing, when there is next to nothing to restyle. Chromium's DevTools
// protocol lists every stylesheet a page gets, the ones an extension injects included (origin
// "injected"), which no page script can see.

describe.runIf(selectedBrowsers().includes('chromium'))('the marks\' stylesheet [chromium]', () => {
  const suite = useChromiumSuite();

  /** How many stylesheets an extension injected into `path` and the rules they match, read once Hashiya has had time to read it. */
  async function injectedSheets(path: string, marked: boolean): Promise<{ sheets: number; rules: { root: string[]; paragraph: string[] }; marksDrawn?: boolean }> {
    const page = await suite().context.newPage();
    const cdp = await suite().context.newCDPSession(page);
    let sheets = 0;
    cdp.on('CSS.styleSheetAdded', ({ header }) => {
      if (header.origin === 'injected') sheets++;
    });
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    await page.goto(suite().server.origin + path, { waitUntil: 'load' });
    // Marks drawn (or, on a page with none, the read long over), then a moment for the background's answer.
    if (marked) await page.waitForFunction(() => { let n = 0; CSS.highlights.forEach((h) => (n += h.size)); return n > 0; }, undefined, { timeout: 10_000 });
    await page.waitForTimeout(1000);
    // The injected ::highlight() rules that match the root element and a paragraph, by their selectors.
    const { root } = await cdp.send('DOM.getDocument');
    const highlightRules = async (selector: string) => {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      const { pseudoElements = [] } = await cdp.send('CSS.getMatchedStylesForNode', { nodeId });
      return pseudoElements.filter((p) => p.pseudoType === 'highlight').flatMap((p) => p.matches.filter((m) => m.rule.origin === 'injected').map((m) => m.rule.selectorList.text));
    };
    const rules = { root: await highlightRules('html'), paragraph: await highlightRules('p') };
    // Rules on the root still draw the marks in the page's paragraphs: the first mark's box looks
    // different with its highlight than without.
    let marksDrawn: boolean | undefined;
    if (marked) {
      const box = await page.evaluate(() => {
        let first: AbstractRange | undefined;
        CSS.highlights.forEach((h) => h.forEach((r) => void (first ??= r)));
        const range = new Range();
        range.setStart(first!.startContainer, first!.startOffset);
        range.setEnd(first!.endContainer, first!.endOffset);
        const r = range.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height + 4 };
      });
      const drawn = await page.screenshot({ clip: box });
      await page.evaluate(() => CSS.highlights.clear());
      await page.waitForTimeout(100);
      marksDrawn = !drawn.equals(await page.screenshot({ clip: box }));
    }
    await page.close();
    return { sheets, rules, marksDrawn };
  }

  it('is added once, with every rule on the root, to a page with marks and to a page without; the marks are drawn', async () => {
    const marked = await injectedSheets('/fixtures/plain.html', true);
    const unmarked = await injectedSheets('/fixtures/no-names.html', false);
    for (const { sheets, rules } of [marked, unmarked]) {
      expect(sheets).toBe(1);
      expect(rules.root.length).toBeGreaterThan(30);
      for (const rule of rules.root) expect(rule).toMatch(/^:root::highlight\([a-z]+\)$/);
      expect(rules.paragraph).toEqual([]); // nothing to match at each element
    }
    expect(marked.marksDrawn).toBe(true);
  });

  it('is asked for while the page is still parsing, before DOMContentLoaded, and not where Hashiya is off', async () => {
    /** The order in which the injected sheet and DOMContentLoaded reach the protocol, on a page whose parsing waits 1.5 s. */
    const order = async () => {
      const page = await suite().context.newPage();
      const cdp = await suite().context.newCDPSession(page);
      const events: string[] = [];
      cdp.on('CSS.styleSheetAdded', ({ header }) => {
        if (header.origin === 'injected') events.push('sheet');
      });
      cdp.on('Page.domContentEventFired', () => events.push('DOMContentLoaded'));
      await cdp.send('Page.enable');
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      await page.goto(suite().server.origin + '/fixtures/slow-parse.html', { waitUntil: 'load' });
      await page.waitForTimeout(1000);
      await page.close();
      return events;
    };
    // Asked for after DOMContentLoaded (as before), the rules came back after the first layout and
    // restyled the whole page.
    expect(await order()).toEqual(['sheet', 'DOMContentLoaded']);
    const [worker] = suite().context.serviceWorkers();
    const setEnabled = (enabled: boolean) =>
      worker!.evaluate(async (on) => {
        const stored = await chrome.storage.sync.get<Record<string, unknown>>(null);
        await chrome.storage.sync.set({ ...stored, enabled: on });
      }, enabled);
    await setEnabled(false);
    try {
      expect(await order()).toEqual(['DOMContentLoaded']);
    } finally {
      await setEnabled(true);
    }
  });
});
