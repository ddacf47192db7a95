import { type CardHooks, type CardRequest, type CardView, type CreateCardView } from '../card/card-api';
import { CLOSE_GRACE_MS, IDLE, deadlineOf, nextState, shownTarget, type CardEvent, type CardState, type CardTarget } from '../card/card-state';
import { cardLanguageFor } from '../card/card-text';
import type { CardData } from '../data/card-data';
import type { CopyTextMessage, GetEntityMessage, OpenReaderMessage } from '../messages';
import type { Settings } from '../settings/settings';
import type { Annotator, Hit } from './annotator';
import { createCardHost, isIntact, type CardHost } from './card-host';
import { chunkLoader } from './chunk-loader';
import { HeldKey, KEY_NAMES, type KeyNews } from './pointer';
import { ask, ext } from '../ext';
import { t } from '../ui/i18n';
import { atNextFrame, later } from './scheduler';

// The page side of the hover card: what must be instant (where the pointer is, the timers, the
// state machine of card-state.ts) runs here; the card itself is the card.js chunk, imported on
// first use. Card data comes from the background once per entity and is kept.

/**
 * Alt+Shift+K, the card's shortcut. The K key is known by its letter, or by its place (KeyK) when
 * the layout or the modifiers give it a character that is not a Latin letter: macOS's
 * Option+Shift+K types the Apple logo (U+F8FF), an Arabic layout's K key an Arabic letter (ن).
 * A layout that puts another Latin letter there (Dvorak's t) keeps that letter's shortcuts.
 */
export function isShortcut(event: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey'>): boolean {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return false;
  const key = event.key.toLowerCase();
  return key === 'k' || (event.code === 'KeyK' && !/^[a-z]$/.test(key));
}

export class CardController {
  readonly #annotator: Annotator;
  #settings: Settings;
  #state: CardState = IDLE;
  #timer = 0;
  /** Where the pointer was at the last move: a mention's key, the card, or nowhere. */
  #where: string | null = null;
  /** The pointer's last position and the mention under it then. */
  #last: { hit: Hit | null; x: number; y: number } | null = null;
  /** Whether the reader holds the key of the 'key' open mode. */
  readonly #holdKey = new HeldKey();
  /** The hit of each target seen lately, to anchor its card. */
  readonly #hits = new Map<string, { hit: Hit; x: number; y: number }>();
  readonly #data = new Map<string, Promise<CardData | null>>();
  readonly #nodeIds = new WeakMap<Node, number>();
  #nextNodeId = 1;
  #view: Promise<{ view: CardView; host: CardHost }> | null = null;
  /** The host of the loaded view: the card is known by this reference, never looked up by name. */
  #host: CardHost | null = null;
  #shown: CardTarget | null = null;
  #returnFocus: HTMLElement | null = null;
  #scrollQueued = false;

  readonly #chunkUrl: string | undefined;
  readonly #onReaderPage: boolean;
  readonly #loadChunk: (url: string) => Promise<CardChunk>;

  /**
   * `chunkUrl`: where card.js is; by default runtime.getURL's, which in Chromium is the dynamic
   * (per-session) address that pages may load but an extension page's own CSP ('self') refuses.
   * `loadChunk`: how it is loaded (tests pass their own). `onReaderPage`: the cards are on the
   * reader page, so they offer no way to it.
   */
  constructor(annotator: Annotator, settings: Settings, options: { chunkUrl?: string; loadChunk?: (url: string) => Promise<CardChunk>; onReaderPage?: boolean } = {}) {
    this.#annotator = annotator;
    this.#settings = settings;
    this.#chunkUrl = options.chunkUrl;
    this.#onReaderPage = options.onReaderPage ?? false;
    this.#loadChunk = options.loadChunk ?? loadCardChunk;
  }

  /** Takes new settings (hover delay, how cards open, card language, theme). */
  update(settings: Settings): void {
    const modeChanged = settings.openMode !== this.#settings.openMode;
    this.#settings = settings;
    if (!modeChanged) return;
    // A card waiting on the old way to open waits no more; where the pointer is counts anew.
    this.#where = null;
    if (this.#state.name === 'pending') this.#dispatch({ type: 'close' });
  }

  /**
   * Where the pointer is now (called at most once per frame with the hit under it, and the move
   * that brought it there, which tells the keys held).
   */
  pointer(hit: Hit | null, x: number, y: number, event?: KeyNews): void {
    if (event) this.#holdKey.note(event, this.#settings.hoverKey);
    this.#last = { hit, x, y };
    this.#locate();
  }

  /**
   * What the pointer's place means under the open mode. On hover, every mention it rests on; with
   * a key to hold, only while the key is held; on click, nothing: pointer moves neither open nor
   * close a card, which stays until a click elsewhere, Escape or its close button. The mention
   * whose card is shown always counts, so that the card stays while the pointer is on it or in it.
   */
  #locate(): void {
    const mode = this.#settings.openMode;
    if (!this.#last || mode === 'click') return;
    const { hit, x, y } = this.#last;
    const inCard = this.#overCard(x, y);
    const opens = (h: Hit) => mode === 'hover' || this.#holding() || this.#keyOf(h) === this.#shown?.key;
    const target = !inCard && hit && opens(hit) ? this.#remember(hit, x, y) : null;
    const where = inCard ? 'card' : target ? target.key : null;
    if (where === this.#where) return;
    const before = this.#where;
    this.#where = where;
    if (before === 'card') this.#dispatch({ type: 'leave-card' });
    else if (before !== null) this.#dispatch({ type: 'leave-mention' });
    if (inCard) this.#dispatch({ type: 'enter-card' });
    else if (target) this.#dispatch({ type: 'enter-mention', target });
  }

  /**
   * Listens for clicks, taps, keys and scrolling; returns the function that stops it all. Only what
   * the reader does counts: an event a page script made (not `isTrusted`) is ignored, so no page can
   * open, close or move a card.
   */
  listen(): () => void {
    const onClick = (event: MouseEvent) => {
      if (event.isTrusted) this.#activateAt(event, event.clientX, event.clientY);
    };
    const onPointerUp = (event: PointerEvent) => {
      if (event.isTrusted && event.pointerType === 'touch') this.#activateAt(event, event.clientX, event.clientY);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.isTrusted) this.#onKey(event);
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.isTrusted) this.#holdKey.note(event, this.#settings.hoverKey);
    };
    const onBlur = (event: FocusEvent) => {
      if (event.isTrusted && event.target === window) this.#holdKey.release(event.timeStamp);
    };
    const onScroll = (event: Event) => {
      if (event.isTrusted) this.#onScroll();
    };
    window.addEventListener('click', onClick, true);
    window.addEventListener('pointerup', onPointerUp, true);
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('keyup', onKeyUp, true);
    window.addEventListener('blur', onBlur);
    window.addEventListener('scroll', onScroll, { passive: true, capture: true });
    return () => {
      window.removeEventListener('click', onClick, true);
      window.removeEventListener('pointerup', onPointerUp, true);
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('keyup', onKeyUp, true);
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('scroll', onScroll, { capture: true });
      this.#dispatch({ type: 'close' });
    };
  }

  /** Closes the card, if one is open (the shortcuts go on to another frame). */
  close(): void {
    if (this.#state.name !== 'idle') this.#dispatch({ type: 'close' });
  }

  /** Opens the card for a mention (the popup's reveal-mention, the shortcuts). */
  open(range: Range, focus: boolean): void {
    const rect = range.getClientRects()[0];
    const hit = rect && this.#annotator.hitTest(rect.left + rect.width / 2, rect.top + rect.height / 2);
    if (!hit || !rect) return;
    this.#annotator.showFocus(hit); // the mention is drawn as the one the card is about
    // Focus goes back, when the card closes, to where it was before the first of the cards that
    // took it (the shortcuts go from card to card).
    const active = deepActiveElement();
    if (focus && !(this.#host && active === this.#host.host)) this.#returnFocus = active;
    this.#dispatch({ type: 'activate', target: this.#remember(hit, rect.left + rect.width / 2, rect.top + rect.height / 2) }, focus);
  }

  /** What tells the mention of `hit` from every other, this one's other mentions too. */
  #keyOf(hit: Hit): string {
    const node = hit.range.startContainer;
    let id = this.#nodeIds.get(node);
    if (id === undefined) this.#nodeIds.set(node, (id = this.#nextNodeId++));
    return `${hit.mention.entity}@${id}:${hit.range.startOffset}`;
  }

  #remember(hit: Hit, x: number, y: number): CardTarget {
    const target = { entity: hit.mention.entity, key: this.#keyOf(hit) };
    if (this.#hits.size > 64 && !this.#hits.has(target.key)) this.#hits.clear();
    this.#hits.set(target.key, { hit, x, y });
    void this.#preload(target.entity); // the chunk and the data load while the delay runs
    return target;
  }

  #overCard(x: number, y: number): boolean {
    if (!this.#shown || !this.#host) return false;
    const r = this.#host.root.querySelector('.card')?.getBoundingClientRect();
    return !!r && x >= r.left - 2 && x <= r.right + 2 && y >= r.top - 2 && y <= r.bottom + 2;
  }

  #activateAt(event: Event, x: number, y: number): void {
    if (this.#host && event.composedPath().includes(this.#host.host)) return;
    const hit = this.#annotator.hitTest(x, y);
    if (!hit) {
      if (this.#state.name !== 'idle' && this.#state.name !== 'pinned') this.#dispatch({ type: 'close' });
      return;
    }
    // A mention inside a link stays a link: the card opens on click only with the modifier held.
    const link = hit.range.startContainer.parentElement?.closest('a[href]');
    if (link) {
      const modifier = this.#settings.clickModifier;
      if (modifier === 'none' || !(event as MouseEvent).getModifierState?.(KEY_NAMES[modifier])) return;
      event.preventDefault();
    }
    this.#dispatch({ type: 'activate', target: this.#remember(hit, x, y) });
  }

  /**
   * Whether the hold key opens cards now: held, and not while the reader types in a field, where
   * Shift makes capitals. The key itself always goes on to the page.
   */
  #holding(): boolean {
    return this.#settings.openMode === 'key' && this.#holdKey.held && !isEditable(deepActiveElement() ?? undefined);
  }

  #onKey(event: KeyboardEvent): void {
    const wasHeld = this.#holdKey.held;
    // Pressed while the pointer rests on a name: that name's card, as if the pointer came to it now.
    if (this.#holdKey.note(event, this.#settings.hoverKey) && !wasHeld && this.#last && this.#holding()) {
      const { x, y } = this.#last;
      this.#last = { hit: this.#annotator.hitTest(x, y), x, y }; // the page may have scrolled since
      this.#locate();
    }
    if (event.key === 'Escape') {
      if (this.#state.name === 'idle') return;
      this.#dispatch({ type: 'escape' });
      return;
    }
    if (!isShortcut(event)) return;
    // Keys typed into the page's fields belong to the page.
    if (isEditable(event.composedPath()[0])) return;
    const range = mentionAtCaretOrFocus(this.#annotator);
    if (!range) return;
    event.preventDefault();
    this.open(range, true);
  }

  #onScroll(): void {
    if (this.#scrollQueued || !this.#shown || this.#state.name === 'pinned') return;
    this.#scrollQueued = true;
    atNextFrame(() => {
      this.#scrollQueued = false;
      const anchor = this.#shown && this.#hits.get(this.#shown.key)?.hit.range.getBoundingClientRect();
      if (anchor && (anchor.bottom < -innerHeight / 2 || anchor.top > innerHeight * 1.5)) this.#dispatch({ type: 'scroll-far' });
    });
  }

  #dispatch(event: CardEvent, focus = false): void {
    const before = this.#state;
    // A held key is the reader asking for the card: no delay to wait out.
    const hoverDelay = this.#settings.openMode === 'key' ? 0 : this.#settings.hoverDelay;
    this.#state = nextState(before, event, performance.now(), { hoverDelay, closeGrace: CLOSE_GRACE_MS });
    clearTimeout(this.#timer);
    const deadline = deadlineOf(this.#state);
    if (deadline !== null) this.#timer = later(() => this.#dispatch({ type: 'timer' }), Math.max(0, deadline - performance.now()));
    const pending = this.#state.name === 'pending' ? this.#state.target : null;
    if (pending && (before.name !== 'pending' || before.target.key !== pending.key)) void this.#drawAhead(pending);
    const shown = shownTarget(this.#state);
    const pinnedChanged = (before.name === 'pinned') !== (this.#state.name === 'pinned');
    if (shown && (shown.key !== this.#shown?.key || pinnedChanged || focus)) void this.#render(shown, focus);
    if (!shown && this.#shown) this.#hide();
    this.#shown = shown;
  }

  /**
   * During the hover delay: once the chunk and the data are in, draws the card, still hidden,
   * so that at the delay's end showing it is all there is to do (the card comes in the next frame).
   */
  async #drawAhead(target: CardTarget): Promise<void> {
    const loaded = await Promise.all([this.#loadView(), this.#entity(target.entity)]).catch(() => null);
    const state = this.#state;
    if (!loaded?.[1] || state.name !== 'pending' || state.target.key !== target.key) return;
    const request = this.#request(target, loaded[1], false);
    if (request) loaded[0].view.drawHidden(request);
  }

  async #render(target: CardTarget, focus: boolean): Promise<void> {
    const loaded = await Promise.all([this.#loadView(), this.#entity(target.entity)]).catch((error: unknown) => {
      console.warn('Hashiya: the card could not be loaded; the next one tries again.', error);
      return null;
    });
    if (this.#shown?.key !== target.key) return; // moved on while loading
    const [chunk, data] = loaded ?? [null, null];
    const request = data && this.#request(target, data, this.#state.name === 'pinned');
    // No card to show (its chunk or its data did not come): back to idle at once rather than an
    // open state with nothing on screen, so that the next hover starts afresh and tries again.
    if (!chunk || !request) {
      this.#dispatch({ type: 'close' });
      return;
    }
    chunk.view.show(request);
    if (focus) chunk.view.focus();
  }

  /** What the card of `target` shows, and where. */
  #request(target: CardTarget, data: CardData, pinned: boolean): CardRequest | null {
    const seen = this.#hits.get(target.key);
    if (!seen) return null;
    const matched = seen.hit.range.toString().replace(/\s+/g, ' ').trim();
    const { cardLanguage, theme, textSize } = this.#settings;
    const language = cardLanguageFor(cardLanguage, matched, document.documentElement.lang);
    // The card's own words follow the card language the reader chose; otherwise the browser's.
    const words = cardLanguage === 'ar' || cardLanguage === 'en' ? { words: cardLanguage } : {};
    return { data, anchor: seen.hit.range, point: { x: seen.x, y: seen.y }, matched, language, ...words, theme, textSize, pinned };
  }

  #hide(): void {
    this.#view?.then(
      ({ view, host: { host } }) => {
        const hadFocus = host.matches(':focus-within') || document.activeElement === host;
        view.hide();
        // Without scrolling: the page may be on its way to the next name (the shortcuts).
        if (hadFocus) this.#returnFocus?.focus({ preventScroll: true });
        this.#returnFocus = null;
      },
      () => undefined, // never shown: nothing to hide
    );
  }

  /** Fetches card.js and the entity's data ahead of need; what fails is asked again when needed. */
  async #preload(entity: string): Promise<void> {
    await Promise.all([this.#loadView(), this.#entity(entity)]).catch(() => undefined);
  }

  /**
   * The card view: card.js loaded and its view built in a host of its own, once (a failed load is
   * retried). A host the page has removed or changed is left, and the view built again in a new one.
   */
  #loadView(): Promise<{ view: CardView; host: CardHost }> {
    if (this.#view && this.#host && !isIntact(this.#host)) {
      void this.#view.then(({ view }) => view.hide());
      this.#host.host.remove(); // shown no more: a host stripped of its popover would show inline
      this.#view = null;
      this.#host = null;
    }
    this.#view ??= this.#loadChunk(this.#chunkUrl ?? ext.runtime.getURL('card.js')).then((chunk) => {
      const host = createCardHost();
      this.#host = host;
      const hooks: CardHooks = {
        t,
        entity: (id) => this.#entity(id),
        openReader: this.#onReaderPage ? null : (pack) => void ask({ type: 'open-reader', pack } satisfies OpenReaderMessage).catch(() => undefined),
        pin: () => this.#dispatch({ type: 'pin' }),
        close: () => this.#dispatch({ type: 'close' }),
        copy: (plain, html) => ask({ type: 'copy-text', plain, html } satisfies CopyTextMessage).then((written) => written === true, () => false),
      };
      return { view: chunk.createCardView(host.root, host.host, hooks), host };
    });
    this.#view.catch(() => (this.#view = null)); // the next card tries again
    return this.#view;
  }

  #entity(id: string): Promise<CardData | null> {
    let data = this.#data.get(id);
    if (!data) {
      const message: GetEntityMessage = { type: 'get-entity', id };
      const asked = ask(message).catch(() => null);
      this.#data.set(id, asked);
      // Kept only when it came: a background that was restarting is asked again next time.
      void asked.then((found) => {
        if (!found && this.#data.get(id) === asked) this.#data.delete(id);
      });
      data = asked;
    }
    return data;
  }
}

/** What card.js exports. */
export interface CardChunk {
  readonly createCardView: CreateCardView;
}

/** The content script's one loader: its attempt count outlives a controller rebuilt by a settings change. */
const loadCardChunk = chunkLoader<CardChunk>('createCardView');

function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

function isEditable(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.localName === 'input' || target.localName === 'textarea' || target.localName === 'select';
}

/**
 * The mention at the selection's caret (caret browsing, or a selection ending in a name), or in
 * the focused link. A caret outside the focused link was left behind (a click in the text, then
 * Tab to the link): the reader is at the link, so the caret counts only inside it.
 */
function mentionAtCaretOrFocus(annotator: Annotator): Range | null {
  const selection = getSelection();
  const active = deepActiveElement();
  const link = active?.localName === 'a' ? active : null;
  const points: [number, number][] = [];
  const caretNode = selection?.focusNode;
  if (caretNode && (!link || link.contains(caretNode))) {
    const caret = document.createRange();
    caret.setStart(caretNode, selection.focusOffset);
    const rect = caret.getClientRects()[0] ?? caret.getBoundingClientRect();
    points.push([rect.left + 2, rect.top + rect.height / 2], [rect.left - 2, rect.top + rect.height / 2]);
  }
  if (link) {
    for (const rect of link.getClientRects()) {
      for (let x = rect.left + 2; x < rect.right; x += 8) points.push([x, rect.top + rect.height / 2]);
    }
  }
  for (const [x, y] of points) {
    const hit = annotator.hitTest(x, y);
    if (hit) return hit.range;
  }
  return null;
}
