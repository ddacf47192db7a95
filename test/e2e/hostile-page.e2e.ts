import { expect, it } from 'vitest';
import { waitForPageRead } from './harness/settle';
import { forEachBrowser } from './harness/suite';
import { NO_CARD_ASKED_MS, middle, openCard, rectsOf, shownAfter, waitForCard } from './card-page';

// A page that tries to detect Hashiya, read what it shows, and break its card: everything it can
// see, it sees here as the page itself (page.evaluate runs in the page's own world). What it can
// learn is what the README says ("What a page can learn about Hashiya").

/** Everything the page can find of Hashiya without a reader doing anything. */
function pageView() {
  const names: string[] = [];
  CSS.highlights.forEach((_h, name) => names.push(name));
  const rules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText));
  return {
    names,
    highlightRules: [...rules, ...[...document.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))].filter((text) => text.includes('highlight')),
    adopted: document.adoptedStyleSheets.length,
    html: document.documentElement.outerHTML,
    resources: performance.getEntriesByType('resource').map((entry) => entry.name),
  };
}

forEachBrowser('a hostile page', (browser) => {
  it('finds no fixed name, no style of the marks, no extension address and no card it can read', async () => {
    const page = await browser().open('/fixtures/hostile.html');
    await waitForPageRead(browser(), page);
    const first = await page.evaluate(pageView);
    expect(first.names.length).toBeGreaterThan(1); // the marks and the focus are there ...
    for (const name of first.names) expect(name).toMatch(/^[a-z]{12}$/); // ... under made-up names
    expect(first.highlightRules).toEqual([]); // their style is in no sheet the page can read
    expect(first.adopted).toBe(0);
    expect(first.html).not.toMatch(/hashiya|extension:/i);

    // A card, opened by the reader, is an element of a made-up name with a closed shadow root.
    const [putin] = await rectsOf(page, 'person', 'Putin');
    await page.mouse.move(...middle(putin!));
    await waitForCard(page, 'vladimir-putin');
    const open = await page.evaluate(() => {
      const added = (window as unknown as { probe: { added: Element[] } }).probe.added;
      return {
        added: added.map((e) => ({ onHtml: e.parentNode === document.documentElement, attributes: e.getAttributeNames(), shadowRoot: e.shadowRoot, text: (e as HTMLElement).innerText, children: e.childNodes.length })),
        html: document.documentElement.outerHTML,
        resources: performance.getEntriesByType('resource').map((entry) => entry.name),
      };
    });
    expect(open.added.filter((e) => e.attributes.length > 0)).toEqual([{ onHtml: true, attributes: ['popover'], shadowRoot: null, text: '', children: 0 }]);
    // And, for a while, the element that tells screen readers the page's count (announce.e2e.ts):
    // no attribute, no text, a closed shadow root.
    const others = open.added.filter((e) => e.attributes.length === 0);
    expect(others.length).toBeLessThanOrEqual(1);
    for (const other of others) expect(other).toEqual({ onHtml: true, attributes: [], shadowRoot: null, text: '', children: 0 });
    expect(open.html).not.toMatch(/hashiya|extension:|Vladimir/i);
    expect(open.resources.filter((url) => !url.startsWith(browser().server.origin))).toEqual([]); // card.js loads unseen

    // Another load of the page: other names.
    await page.goto(browser().url('/fixtures/hostile.html'));
    await waitForPageRead(browser(), page);
    const second = await page.evaluate(pageView);
    expect(second.names.filter((name) => first.names.includes(name))).toEqual([]);
    await page.close();
  });

  it('keeps its card working when the page removes its element or its popover, and trusts no fake', async () => {
    const page = await browser().open('/fixtures/hostile.html');
    await waitForPageRead(browser(), page);
    const [putin] = await rectsOf(page, 'person', 'Putin');
    const [kremlin] = await rectsOf(page, 'org', 'Kremlin');
    const [far] = await rectsOf(page, 'far', 'Far from');
    // The card's elements as the page saw them come (popovers).
    const hostOnPage = () => page.evaluate(() => (window as unknown as { probe: { popovers: Element[] } }).probe.popovers.at(-1)!.isConnected);

    await page.mouse.click(...middle(putin!));
    await waitForCard(page, 'vladimir-putin');
    await page.keyboard.press('Escape');
    await waitForCard(page, null);
    // The page removes the card's element, as some frameworks do with unknown children of <html>.
    await page.evaluate(() => (window as unknown as { probe: { popovers: Element[] } }).probe.popovers.at(-1)!.remove());
    await page.mouse.click(...middle(kremlin!));
    await waitForCard(page, 'kremlin');
    expect(await hostOnPage()).toBe(true); // a new one
    await page.keyboard.press('Escape');
    await waitForCard(page, null);
    // The page strips its popover attribute: the stripped element goes, a new one comes.
    await page.evaluate(() => (window as unknown as { probe: { popovers: Element[] } }).probe.popovers.at(-1)!.removeAttribute('popover'));
    await page.mouse.click(...middle(putin!));
    await waitForCard(page, 'vladimir-putin');
    expect(await page.evaluate(() => (window as unknown as { probe: { popovers: Element[] } }).probe.popovers.map((e) => e.isConnected))).toEqual([false, false, true]);

    // A fake card over the whole page, of the same name as the real one: the pointer over it is
    // not over Hashiya's card, which closes when the pointer leaves the name.
    await page.evaluate(() => {
      const real = (window as unknown as { probe: { popovers: Element[] } }).probe.popovers.at(-1)!;
      const fake = document.createElement(real.localName);
      const root = fake.attachShadow({ mode: 'open' });
      root.innerHTML = '<div class="card" role="dialog" style="position: fixed; inset: 0"></div>';
      document.documentElement.insertBefore(fake, real); // first of its name: what a lookup by name would find
    });
    await page.mouse.move(...middle(far!));
    await waitForCard(page, null);
    expect(await openCard(page)).toBeNull();
    await page.close();
  });

  it('does nothing for what a page script makes up: clicks, taps, keys, pointer moves, Escape', async () => {
    const page = await browser().open('/fixtures/hostile.html');
    await waitForPageRead(browser(), page);
    const [putin] = await rectsOf(page, 'person', 'Putin');
    const [kremlin] = await rectsOf(page, 'org', 'Kremlin');
    /** Dispatches, as the page's own script, `kind` at (x, y); true when something cancelled it. */
    const fake = (kind: string, [x, y]: [number, number]) =>
      page.evaluate(
        ([what, px, py]) => {
          const target = document.elementFromPoint(px, py)!;
          const at = { clientX: px, clientY: py, bubbles: true, cancelable: true, composed: true };
          const key = { key: 'K', code: 'KeyK', altKey: true, shiftKey: true, bubbles: true, cancelable: true, composed: true };
          const event =
            what === 'click' ? new MouseEvent('click', { ...at, altKey: true })
            : what === 'tap' ? new PointerEvent('pointerup', { ...at, pointerType: 'touch', isPrimary: true })
            : what === 'move' ? new PointerEvent('pointermove', at)
            : what === 'escape' ? new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true })
            : new KeyboardEvent('keydown', key);
          if (what === 'shortcut') {
            // The shortcut acts on the mention at the caret: put the caret in the name first.
            const text = target.firstChild as Text;
            getSelection()!.collapse(text, text.data.indexOf('Putin') + 2);
          }
          return !(what === 'escape' ? document.activeElement ?? document.body : target).dispatchEvent(event);
        },
        [kind, x, y] as const,
      );
    const focusMarks = () =>
      page.evaluate(() => {
        let n = 0;
        CSS.highlights.forEach((h) => (h.priority === 1 ? (n += h.size) : 0));
        return n;
      });
    for (const kind of ['click', 'tap', 'shortcut', 'move']) {
      expect(await fake(kind, middle(putin!)), kind).toBe(false); // not taken: nothing cancelled
      expect(await shownAfter(page, NO_CARD_ASKED_MS), kind).toBe(false);
      expect(await focusMarks(), kind).toBe(0); // the name is not shown as under the pointer
    }
    // The reader's own click opens the card; the page's Escape does not close it, the reader's does.
    await page.mouse.click(...middle(kremlin!));
    await waitForCard(page, 'kremlin');
    expect(await fake('escape', middle(kremlin!))).toBe(false);
    expect(await shownAfter(page, NO_CARD_ASKED_MS)).toBe(true);
    await page.keyboard.press('Escape');
    await waitForCard(page, null);
    // The reader's pointer does move the focus mark: the count above could change.
    await page.mouse.move(...middle(putin!));
    await page.waitFor(() => {
      let n = 0;
      CSS.highlights.forEach((h) => (h.priority === 1 ? (n += h.size) : 0));
      return n === 1;
    });
    await waitForCard(page, 'vladimir-putin');
    await page.close();
  });
});
