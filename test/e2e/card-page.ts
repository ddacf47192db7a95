import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLOSE_GRACE_MS } from '../../src/card/card-state';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { CLOSED_SHADOW_ROOTS, untilFound, type TestPage } from './harness/browsers';
import { PROJECT_ROOT } from './harness/server';

// What the card tests read from a page: the card host's state and the places of names.
//
// The card is a closed shadow root on an element of a made-up name on <html>: no page script can
// find or read it. Tests reach it as devtools would (TestPage.revealClosedShadowRoots), and
// `revealCard` puts it in the page's main world as `window[CARD]`, a `CardRef`.

/** Where `revealCard` puts the card's host and shadow root in the page's main world. */
export const CARD = '__testHashiyaCard';
/** What `window[CARD]` holds: null when the page has no card host. */
export type CardRef = { readonly host: HTMLElement; readonly root: ShadowRoot } | null;
/** The shown card's host, as a selector any page could use: a child of <html> in the top layer. */
export const SHOWN_HOST = ':root > :popover-open';

/** Finds the card host (the closed shadow root on <html> holding the card's dialog) and puts it in `window[CARD]`. */
export async function revealCard(page: TestPage): Promise<void> {
  await page.revealClosedShadowRoots();
  await page.evaluate(
    ([roots, key]) => {
      const all = (window as unknown as Record<string, ShadowRoot[] | undefined>)[roots] ?? [];
      const root = all.find((r) => r.querySelector('.card[role="dialog"]')?.parentNode === r);
      (window as unknown as Record<string, unknown>)[key] = root ? { host: root.host, root } : null;
    },
    [CLOSED_SHADOW_ROOTS, CARD] as const,
  );
}

// How long a test looks (shownAfter) where it checks that something does NOT happen: a card that
// must not open yet, a card that must not close yet. No event comes for what does not happen, so
// there the fact is a time, and each time below is set against the product's delay it tests.

/** Well inside the default hover delay (300 ms): a card shown by then opened before it. */
export const INSIDE_HOVER_DELAY_MS = (DEFAULT_SETTINGS.hoverDelay * 2) / 5; // 120 ms
/**
 * After a click on a name, before the hover delay started by the pointer's move onto that name
 * has run out: a card shown by then was opened by the click.
 */
export const BEFORE_HOVER_CARD_MS = DEFAULT_SETTINGS.hoverDelay / 6; // 50 ms
/** Well inside the close grace (CLOSE_GRACE_MS, 300 ms): the card must still be shown then. */
export const INSIDE_CLOSE_GRACE_MS = CLOSE_GRACE_MS / 3; // 100 ms
/** Twice the close grace: a card still shown then was kept, not merely not yet closed. */
export const TWICE_CLOSE_GRACE_MS = CLOSE_GRACE_MS * 2; // 600 ms
/** Three times the close grace: a pinned card still shown then stays. */
export const THRICE_CLOSE_GRACE_MS = CLOSE_GRACE_MS * 3; // 900 ms
/**
 * A card asked for at once (a click, the shortcut) has no delay to stand against: it shows as soon
 * as card.js and its data are in, well within this. None shown by then: none was asked for.
 */
export const NO_CARD_ASKED_MS = 300;

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
export async function openCard(page: TestPage): Promise<{ entity: string; text: string; box: Box; placement: string } | null> {
  await revealCard(page);
  return page.evaluate((key) => {
    const ref = (window as unknown as Record<string, CardRef>)[key];
    if (!ref?.host.matches(':popover-open')) return null;
    const card = ref.root.querySelector('.card')!;
    const r = card.getBoundingClientRect();
    return {
      entity: card.getAttribute('data-entity') ?? '',
      text: (card as HTMLElement).innerText,
      box: { left: r.left, right: r.right, top: r.top, bottom: r.bottom },
      placement: card.getAttribute('data-placement') ?? '',
    };
  }, CARD);
}

/** Waits until the card shows `entity` (or, with null, until no card is shown). */
export async function waitForCard(page: TestPage, entity: string | null, timeout = 5000): Promise<void> {
  if (entity === null) return page.waitFor((shown) => !document.querySelector(shown), SHOWN_HOST, timeout);
  await untilFound(async () => {
    await revealCard(page);
    const showing = await page.evaluate(
      ([key, want]) => {
        const ref = (window as unknown as Record<string, CardRef>)[key];
        return !!ref?.host.matches(':popover-open') && ref.root.querySelector('.card')?.getAttribute('data-entity') === want;
      },
      [CARD, entity] as const,
    );
    return showing || undefined;
  }, timeout).catch(() => {
    throw new Error(`no card of ${entity} within ${timeout} ms`);
  });
}

/**
 * Whether a card is shown `ms` milliseconds from now (measured in the page). Only for what must
 * not happen within a time (the constants above); what happens is waited for (waitForCard).
 */
export function shownAfter(page: TestPage, ms: number): Promise<boolean> {
  return page.evaluate(
    ([shown, wait]) => new Promise<boolean>((ok) => setTimeout(() => ok(!!document.querySelector(shown)), wait)),
    [SHOWN_HOST, ms] as const,
  );
}

/**
 * Presses Escape; answers whether a card is still shown once the page has handled the key's
 * keydown (read by a listener that runs after the content script's): false when Escape closed it
 * at once, with no grace period.
 */
export async function shownAfterEscape(page: TestPage): Promise<boolean> {
  await page.evaluate((shown) => {
    const state = window as unknown as { hashiyaShownAfterEscape?: boolean };
    delete state.hashiyaShownAfterEscape;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      removeEventListener('keydown', onKey);
      state.hashiyaShownAfterEscape = !!document.querySelector(shown);
    };
    addEventListener('keydown', onKey);
  }, SHOWN_HOST);
  await page.keyboard.press('Escape');
  await page.waitFor(() => (window as unknown as { hashiyaShownAfterEscape?: boolean }).hashiyaShownAfterEscape !== undefined);
  return page.evaluate(() => (window as unknown as { hashiyaShownAfterEscape: boolean }).hashiyaShownAfterEscape);
}

/**
 * Scrolls the page to `y` and waits for the frame after the scroll event: the frame in which the
 * content script judges how far the mention went (a card it closes for that is closed by then).
 */
export function scrollAndJudge(page: TestPage, y: number): Promise<void> {
  return page.evaluate(
    (top) =>
      new Promise<void>((ok, fail) => {
        addEventListener('scroll', () => requestAnimationFrame(() => requestAnimationFrame(() => ok())), { once: true, capture: true });
        const before = scrollY;
        window.scrollTo(0, top);
        if (scrollY === before) fail(new Error(`the page does not scroll to ${top}`));
      }),
    y,
  );
}

/** Waits until keyboard focus is in the card. */
export function waitForFocusInCard(page: TestPage): Promise<void> {
  return page.waitFor((shown) => !!document.activeElement && document.activeElement === document.querySelector(shown), SHOWN_HOST);
}

/** Clicks a button of the open card, found by `selector`, with the mouse (a trusted click). */
export async function clickInCard(page: TestPage, selector: string): Promise<void> {
  await revealCard(page);
  // Where the button has come to rest: the card is placed again a frame after the page's layout
  // changes (a field added and removed above it, say), and a click at where it was misses it.
  const at = await page.evaluate(
    async ([key, s]) => {
      const button = (window as unknown as Record<string, CardRef>)[key]?.root.querySelector<HTMLElement>(s);
      if (!button) throw new Error(`no ${s} in the card`);
      button.scrollIntoView({ block: 'nearest' });
      const middle = (): [number, number] => {
        const r = button.getBoundingClientRect();
        return [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
      };
      const frame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));
      let last = middle();
      for (let tries = 0; tries < 20; tries++) {
        await frame();
        await frame();
        const now = middle();
        if (now[0] === last[0] && now[1] === last[1]) break;
        last = now;
      }
      return last;
    },
    [CARD, selector] as const,
  );
  await page.mouse.click(...at);
}

/** The parts of the open card, as a reader (and a screen reader) gets them. */
export async function cardParts(page: TestPage) {
  await revealCard(page);
  return page.evaluate((key) => {
    const root = (window as unknown as Record<string, CardRef>)[key]!.root;
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
  }, CARD);
}

/**
 * Clicks at (x, y) with Alt held, as the reader does; true when something cancelled the click (the
 * link was not to be followed), as a listener of the page's sees it after the content script's.
 */
export async function altClick(page: TestPage, [x, y]: [number, number]): Promise<boolean> {
  await page.evaluate(() => {
    const state = window as unknown as { clickPrevented?: boolean };
    delete state.clickPrevented;
    addEventListener('click', (event) => (state.clickPrevented = event.defaultPrevented), { once: true });
  });
  await page.keyboard.down('Alt');
  await page.mouse.click(x, y);
  await page.keyboard.up('Alt');
  await page.waitFor(() => (window as unknown as { clickPrevented?: boolean }).clickPrevented !== undefined);
  return page.evaluate(() => (window as unknown as { clickPrevented: boolean }).clickPrevented);
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

const AXE = readFileSync(join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's violations on the open card, as "rule (nodes)". axe-core cannot enter a closed
 * shadow root: it checks a copy of the card, in an open one on an element of the same size in the
 * same place (axe-core itself goes into the page's own world, once).
 */
export async function cardAxeViolations(page: TestPage): Promise<string[]> {
  await revealCard(page);
  return page.evaluate(
    async ([key, source]) => {
      const scope = window as unknown as { axe?: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } };
      if (!scope.axe) (0, eval)(source);
      const { root } = (window as unknown as Record<string, CardRef>)[key]!;
      const box = root.querySelector('.card')!.getBoundingClientRect();
      const copyHost = document.createElement('div');
      copyHost.id = 'axe-card-copy';
      copyHost.style.cssText = `position: fixed; left: ${box.left}px; top: ${box.top}px; width: ${box.width}px;`;
      const copy = copyHost.attachShadow({ mode: 'open' });
      for (const child of root.children) copy.append(child.cloneNode(true));
      document.body.append(copyHost);
      const result = await scope.axe!.run({ include: [['#axe-card-copy', '.card']] }, { resultTypes: ['violations'] });
      copyHost.remove();
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    },
    [CARD, AXE] as const,
  );
}
