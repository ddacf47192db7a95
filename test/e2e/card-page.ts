import type { TestPage } from './harness/browsers';

// What the card tests read from a page: the card host's state and the places of names.

export interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** The line boxes of the first occurrence of `text` inside element #id. */
export function rectsOf(page: TestPage, id: string, text: string): Promise<Box[]> {
  return page.evaluate(
    ([elementId, needle]) => {
      const walker = document.createTreeWalker(document.getElementById(elementId)!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
        return [...range.getClientRects()].map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom }));
      }
      throw new Error(`${needle} not in #${elementId}`);
    },
    [id, text] as const,
  );
}

/** The middle of a box. */
export const middle = (r: Box): [number, number] => [(r.left + r.right) / 2, (r.top + r.bottom) / 2];

/** The open card: its entity, text and box; null when no card is shown. */
export function openCard(page: TestPage): Promise<{ entity: string; text: string; box: Box; placement: string } | null> {
  return page.evaluate(() => {
    const host = document.querySelector(':root > hashiya-card');
    if (!host?.matches(':popover-open')) return null;
    const card = host.shadowRoot!.querySelector('.card')!;
    const r = card.getBoundingClientRect();
    return {
      entity: card.getAttribute('data-entity') ?? '',
      text: (card as HTMLElement).innerText,
      box: { left: r.left, right: r.right, top: r.top, bottom: r.bottom },
      placement: (host as HTMLElement).dataset.placement ?? '',
    };
  });
}

/** Waits until the card shows `entity` (or, with null, until no card is shown). */
export function waitForCard(page: TestPage, entity: string | null, timeout = 5000): Promise<void> {
  return page.waitFor(
    (want) => {
      const host = document.querySelector(':root > hashiya-card');
      const open = !!host?.matches(':popover-open');
      if (want === null) return !open;
      return open && host!.shadowRoot!.querySelector('.card')?.getAttribute('data-entity') === want;
    },
    entity,
    timeout,
  );
}

/** Whether a card is shown `ms` milliseconds from now (measured in the page). */
export function shownAfter(page: TestPage, ms: number): Promise<boolean> {
  return page.evaluate(
    (wait) => new Promise<boolean>((ok) => setTimeout(() => ok(!!document.querySelector(':root > hashiya-card')?.matches(':popover-open')), wait)),
    ms,
  );
}

/** Clicks a button of the open card by its data attribute selector. */
export function clickInCard(page: TestPage, selector: string): Promise<void> {
  return page.evaluate((s) => {
    const button = document.querySelector(':root > hashiya-card')!.shadowRoot!.querySelector<HTMLElement>(s);
    if (!button) throw new Error(`no ${s} in the card`);
    button.click();
  }, selector);
}

/** The parts of the open card, as a reader (and a screen reader) gets them. */
export function cardParts(page: TestPage) {
  return page.evaluate(() => {
    const root = document.querySelector(':root > hashiya-card')!.shadowRoot!;
    const card = root.querySelector('.card')!;
    const part = (name: string) => [...root.querySelectorAll(`[data-part="${name}"]`)];
    const described = (e: Element | undefined) => e && { text: e.textContent ?? '', lang: e.getAttribute('lang'), dir: e.getAttribute('dir') };
    return {
      entity: card.getAttribute('data-entity'),
      role: card.getAttribute('role'),
      modal: card.getAttribute('aria-modal'),
      label: card.getAttribute('aria-label'),
      dir: card.getAttribute('dir'),
      name: described(part('name')[0]),
      other: described(part('other-name')[0]),
      summaries: part('summary').map((e) => {
        const copy = e.cloneNode(true) as Element;
        for (const mark of copy.querySelectorAll('.prov')) mark.remove(); // the provenance marks
        return copy.textContent ?? '';
      }),
      sentences: part('sentence-ar').length,
      marks: root.querySelectorAll('[data-part="sentence-ar"] mark').length,
      related: [...root.querySelectorAll('[data-related]')].map((e) => e.getAttribute('data-related')),
      relatedAreButtons: [...root.querySelectorAll('[data-related]')].every((e) => e.localName === 'button'),
      dates: part('date').length,
      matched: part('matched')[0]?.textContent ?? '',
      map: { paths: root.querySelectorAll('.map svg path').length, points: root.querySelectorAll('.map svg circle.point').length },
      added: root.querySelectorAll('[data-provenance="added"]').length,
    };
  });
}

/**
 * Clicks at (x, y) with Alt held, as a script-made click (the harness cannot hold modifiers);
 * true when something cancelled the click (the link was not to be followed).
 */
export function altClick(page: TestPage, [x, y]: [number, number]): Promise<boolean> {
  return page.evaluate(
    ([px, py]) => {
      const init = { clientX: px, clientY: py, bubbles: true, cancelable: true, composed: true, altKey: true };
      return !document.elementFromPoint(px, py)!.dispatchEvent(new MouseEvent('click', init));
    },
    [x, y] as [number, number],
  );
}

/** On the reader page: the middle of the first بوتين in the Arabic text, scrolled into view. */
export function arabicPutin(page: TestPage): Promise<[number, number]> {
  return page.evaluate(() => {
    const walker = document.createTreeWalker(document.querySelector('[data-paragraph] p[lang="ar"]')!.parentElement!.parentElement!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf('بوتين');
      if (at < 0 || !node.parentElement?.closest('p[lang="ar"]')) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 5);
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const r = range.getClientRects()[0]!;
      return [(r.left + r.right) / 2, (r.top + r.bottom) / 2] as [number, number];
    }
    throw new Error('no بوتين in the Arabic text');
  });
}
