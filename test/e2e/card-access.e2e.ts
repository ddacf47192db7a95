import { expect, it } from 'vitest';
import type { TestPage } from './harness/browsers';
import { waitForPageRead } from './harness/settle';
import { forEachBrowser } from './harness/suite';
import { CARD, NO_CARD_ASKED_MS, cardAxeViolations, SHOWN_HOST, revealCard, type CardRef, clickInCard, middle, openCard, rectsOf, shownAfter, waitForCard, waitForFocusInCard } from './card-page';

// Where the card stands (mirrored on right-to-left lines, inside the viewport at every edge),
// that page CSS cannot change it, the keyboard path, and axe-core on the open card.


/** Computed styles of the card's parts that page CSS would change if it could reach them. */
async function cardStyles(page: TestPage) {
  await revealCard(page);
  return page.evaluate(async (key) => {
    const { host, root } = (window as unknown as Record<string, CardRef>)[key]!;
    await Promise.all(root.getAnimations().map((a) => a.finished)); // the card fades in
    const props = ['display', 'position', 'direction', 'font-family', 'font-size', 'line-height', 'letter-spacing', 'color', 'background-color', 'border-top-width', 'padding-top', 'opacity', 'text-transform', 'filter', 'z-index', 'width', 'overflow'];
    const read = (e: Element | null) => {
      const style = getComputedStyle(e!);
      return Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
    };
    const card = root.querySelector('.card')!.getBoundingClientRect();
    return {
      host: read(host),
      card: read(root.querySelector('.card')),
      name: read(root.querySelector('[data-part="name"]')),
      button: read(root.querySelector('button')),
      size: { width: card.width, height: card.height },
    };
  }, CARD);
}

async function openOn(page: TestPage, id: string, text: string, entity: string) {
  const [r] = await rectsOf(page, id, text);
  await page.mouse.click(...middle(r!));
  await waitForCard(page, entity);
  return r!;
}

/** Alt+Shift+K, the card shortcut, typed by the reader. */
async function pressCardShortcut(page: TestPage): Promise<void> {
  await page.keyboard.down('Alt');
  await page.keyboard.down('Shift');
  await page.keyboard.press('K');
  await page.keyboard.up('Shift');
  await page.keyboard.up('Alt');
}

forEachBrowser('hover card placement and access', (browser) => {
  it('lines the card up with the start of the name, mirrored on right-to-left lines, inside the viewport at every edge', async () => {
    const page = await browser().open('/fixtures/card-edges.html');
    await page.setViewport(900, 700);
    await waitForPageRead(browser(), page);
    const inside = (b: { left: number; right: number; top: number; bottom: number }) => b.left >= 0 && b.top >= 0 && b.right <= 900 && b.bottom <= 700;

    const ltr = await openOn(page, 'ltr', 'Putin', 'vladimir-putin');
    let card = (await openCard(page))!;
    expect(card.placement).toBe('bottom-start');
    expect(Math.abs(card.box.left - ltr.left)).toBeLessThan(2);
    expect(card.box.top).toBeGreaterThan(ltr.bottom); // below, with the gap for the arrow
    await page.keyboard.press('Escape');

    const rtl = await openOn(page, 'rtl', 'بوتين', 'vladimir-putin');
    card = (await openCard(page))!;
    expect(card.placement).toBe('bottom-end');
    expect(Math.abs(card.box.right - rtl.right)).toBeLessThan(2);
    await page.keyboard.press('Escape');

    for (const corner of ['top-left', 'top-right', 'bottom-left', 'bottom-right']) {
      const name = await openOn(page, corner, 'Putin', 'vladimir-putin');
      card = (await openCard(page))!;
      expect(inside(card.box), `${corner}: ${JSON.stringify(card.box)}`).toBe(true);
      if (corner.startsWith('bottom')) expect(card.box.bottom).toBeLessThanOrEqual(name.top); // flipped above
      await page.keyboard.press('Escape');
      await waitForCard(page, null);
    }
    await page.close();
  });

  it('fits a window too short for the card on either side of the name: smaller, and scrolled inside', async () => {
    const page = await browser().open('/fixtures/card-edges.html');
    await page.setViewport(900, 480);
    await waitForPageRead(browser(), page);
    const name = await openOn(page, 'middle', 'Putin', 'vladimir-putin');
    const card = (await openCard(page))!;
    expect(card.box.top).toBeGreaterThanOrEqual(0);
    expect(card.box.bottom).toBeLessThanOrEqual(480);
    // Below or above the name, never over it.
    expect(card.box.top >= name.bottom || card.box.bottom <= name.top, JSON.stringify({ card: card.box, name })).toBe(true);
    // What does not fit scrolls: the whole card can still be read.
    await revealCard(page);
    expect(await page.evaluate((key) => {
      const scroll = (window as unknown as Record<string, CardRef>)[key]!.root.querySelector('.scroll')!;
      return scroll.scrollHeight > scroll.clientHeight;
    }, CARD)).toBe(true);
    await page.close();
  });

  it('looks the same on a page whose CSS attacks every element', async () => {
    const plain = await browser().open('/fixtures/card-basic.html');
    await waitForPageRead(browser(), plain);
    await openOn(plain, 'org', 'Kremlin', 'kremlin');
    const expected = await cardStyles(plain);
    await plain.close();

    const hostile = await browser().open('/fixtures/card-hostile.html');
    await waitForPageRead(browser(), hostile);
    await openOn(hostile, 'org', 'Kremlin', 'kremlin');
    const styles = await cardStyles(hostile);
    expect(styles).toEqual(expected);
    expect(styles.host.display).toBe('block');
    await hostile.close();
  });

  it('opens from the keyboard on a focused link, Tab reaches every control in order and stays inside, and Escape returns focus; page fields keep their keys', async () => {
    const page = await browser().open('/fixtures/card-basic.html');
    await waitForPageRead(browser(), page);
    const shortcut = () => pressCardShortcut(page);
    await page.evaluate(() => document.getElementById('field')!.focus());
    await shortcut();
    expect(await shownAfter(page, NO_CARD_ASKED_MS)).toBe(false);

    await page.evaluate(() => document.querySelector<HTMLElement>('#link a')!.focus());
    await shortcut();
    await waitForCard(page, 'vladimir-putin');
    const focusInCard = () => page.evaluate((shown) => document.activeElement === document.querySelector(shown), SHOWN_HOST);
    await waitForFocusInCard(page);
    // Tab goes through every control of the card, each story's "read the article" included, in
    // the card's order, and round to the first; Shift+Tab goes back the same way.
    await revealCard(page);
    const controls = () =>
      page.evaluate((key) => {
        const root = (window as unknown as Record<string, CardRef>)[key]!.root;
        // Each control by a name of its own: a quote's copy button by its quote.
        const name = (e: Element | null) => {
          if (!e) return 'none';
          const qualifier = e.getAttribute('data-pack') ?? e.closest('[data-quote]')?.getAttribute('data-quote');
          return `${e.getAttribute('data-action') ?? e.getAttribute('data-related') ?? e.localName}${qualifier ? `:${qualifier}` : ''}`;
        };
        return { all: [...root.querySelectorAll('.card button')].map(name), active: name(root.activeElement) };
      }, CARD);
    const { all } = await controls();
    expect(all).toContain('reader:sharaa-moscow-2025');
    expect(all).toContain('copy'); // the summary's copy, and one for each quote
    expect(new Set(all).size).toBe(all.length);
    const forward: string[] = [];
    for (let i = 0; i < all.length + 2; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInCard()).toBe(true);
      forward.push((await controls()).active);
    }
    // Firefox also stops on the card's scrolling area (its keys scroll it), once, before the first
    // control; then every control in order, and round to the first.
    expect(forward.filter((name) => name !== 'div').slice(0, all.length + 1)).toEqual([...all, all[0]]);
    expect(forward.filter((name) => name === 'div').length).toBeLessThanOrEqual(1);
    for (let i = 0; i < all.length + 1; i++) {
      const from = all.indexOf((await controls()).active);
      await page.keyboard.down('Shift');
      await page.keyboard.press('Tab');
      await page.keyboard.up('Shift');
      expect((await controls()).active).toBe(all[(from - 1 + all.length) % all.length]);
    }
    await page.keyboard.press('Escape');
    await waitForCard(page, null);
    await page.waitFor(() => document.activeElement === document.querySelector('#link a'));
    await page.close();
  });

  // What the page gets is checked as the page sees it: no shadow root it can open, no name it knows.
  it('adds one element to the page, on <html>, closed and of a new name on every page, and leaves the rest as it was', async () => {
    const page = await browser().open('/fixtures/card-basic.html');
    await waitForPageRead(browser(), page);
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    // The card's element (a popover); the element that tells screen readers the page's count for a
    // while (announce.e2e.ts) is not the card's, and leaves.
    const children = () => page.evaluate(() => [...document.documentElement.children].filter((e) => e.localName === 'head' || e.localName === 'body' || e.hasAttribute('popover')).map((e) => e.localName));
    expect(await children()).toEqual(['head', 'body']);
    // Cards by hover, by click and from the keyboard, each closed again.
    const [putin] = await rectsOf(page, 'person', 'Putin');
    await page.mouse.move(...middle(putin!));
    await waitForCard(page, 'vladimir-putin');
    await page.keyboard.press('Escape');
    await openOn(page, 'org', 'Kremlin', 'kremlin');
    await page.keyboard.press('Escape');
    await page.evaluate(() => document.querySelector<HTMLElement>('#link a')!.focus());
    await pressCardShortcut(page);
    await waitForCard(page, 'vladimir-putin');
    await page.keyboard.press('Escape');
    await waitForCard(page, null);
    const after = await page.evaluate(() => {
      const hosts = [...document.documentElement.children].filter((e) => e.localName !== 'head' && e.localName !== 'body' && e.hasAttribute('popover'));
      const copy = document.documentElement.cloneNode(true) as Element;
      for (const host of [...copy.children].slice(2)) host.remove();
      return {
        hosts: hosts.map((host) => ({
          name: host.localName,
          attributes: [...host.attributes].map((a) => `${a.name}=${a.value}`),
          open: host.matches(':popover-open'),
          shadowRoot: host.shadowRoot,
          text: (host as HTMLElement).innerText,
          html: host.innerHTML,
        })),
        html: copy.outerHTML,
      };
    });
    // One host, kept (hidden) for the next card; its shadow root is closed and it shows the page
    // nothing: no text, no inline style or data attribute of the card's place or state.
    expect(after.hosts).toEqual([{ name: expect.stringMatching(/^[a-z]{6}-[a-z]{6}$/), attributes: ['popover=manual'], open: false, shadowRoot: null, text: '', html: '' }]);
    expect(after.html).toBe(before);
    // Another page, another name.
    await page.goto(browser().url('/fixtures/card-basic.html'));
    await waitForPageRead(browser(), page);
    await page.mouse.move(...middle(putin!));
    await waitForCard(page, 'vladimir-putin');
    expect((await children())[2]).not.toBe(after.hosts[0]!.name);
    await page.close();
  });

  it('opens from the keyboard at a caret in a name, and on a focused link even with the caret left elsewhere', async () => {
    const page = await browser().open('/fixtures/card-basic.html');
    await waitForPageRead(browser(), page);
    const shortcut = () => pressCardShortcut(page);
    /** Puts a collapsed selection (the caret of caret browsing) `offset` units into `text` in #id. */
    const caretIn = (id: string, text: string, offset: number) =>
      page.evaluate(
        ([elementId, needle, into]) => {
          const node = document.getElementById(elementId)!.firstChild as Text;
          getSelection()!.collapse(node, node.data.indexOf(needle) + into);
        },
        [id, text, offset] as const,
      );
    const close = async () => {
      await page.keyboard.press('Escape');
      await waitForCard(page, null);
    };

    // The caret inside a name, at its end, and inside a name on a right-to-left line.
    for (const [id, text, offset, entity] of [
      ['org', 'Kremlin', 3, 'kremlin'],
      ['place', 'Khmeimim', 8, 'hmeimim-air-base'],
      ['rtl', 'بوتين', 2, 'vladimir-putin'],
    ] as const) {
      await caretIn(id, text, offset);
      await shortcut();
      await waitForCard(page, entity);
      await waitForFocusInCard(page);
      await close();
    }
    // A caret beside no name opens nothing.
    await caretIn('org', 'said', 2);
    await shortcut();
    expect(await shownAfter(page, NO_CARD_ASKED_MS)).toBe(false);

    // A click leaves the caret in "Kremlin"; Tab then takes focus to the "Vladimir Putin" link.
    // The shortcut is for the link the reader is on, not for the caret left behind.
    const [kremlin] = await rectsOf(page, 'org', 'Kremlin');
    await page.mouse.click(...middle(kremlin!));
    await waitForCard(page, 'kremlin');
    await close();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement === document.querySelector('#link a'))).toBe(true);
    expect(await page.evaluate(() => getSelection()!.focusNode?.parentElement?.id)).toBe('org');
    await shortcut();
    await waitForCard(page, 'vladimir-putin');
    await close();
    await page.waitFor(() => document.activeElement === document.querySelector('#link a'));
    await page.close();
  });

  it('axe-core finds no violations on the open card: a place with its map, a person with quotes and copy buttons, after a copy, an event', async () => {
    const page = await browser().open('/fixtures/card-basic.html');
    await waitForPageRead(browser(), page);
    const violations = () => cardAxeViolations(page);
    await openOn(page, 'place', 'Khmeimim', 'hmeimim-air-base');
    expect(await violations()).toEqual([]);
    await page.keyboard.press('Escape');
    await waitForCard(page, null);
    await openOn(page, 'person', 'Putin', 'vladimir-putin');
    expect(await violations()).toEqual([]);
    // Once copied, the button and the card's status say so.
    await clickInCard(page, '[data-part="copy-summary"]');
    await page.waitFor((key) => (window as unknown as Record<string, CardRef>)[key]!.root.querySelector('[data-part="copy-summary"]')?.getAttribute('data-state') === 'copied', CARD);
    expect(await violations()).toEqual([]);
    await clickInCard(page, '[data-related="sharaa-visit-to-moscow-2025"]');
    await waitForCard(page, 'sharaa-visit-to-moscow-2025');
    expect(await violations()).toEqual([]);
    await page.close();
  });
});
