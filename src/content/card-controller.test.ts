import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardRequest, CardView } from '../card/card-api';
import type { CardData } from '../data/card-data';
import { DEFAULT_SETTINGS } from '../settings/settings';
import type { Annotator, Hit } from './annotator';

// The card chunk's loading and what the controller does when it fails, and the card rendered
// during the hover delay. The WebExtension API and the few DOM calls the controller makes on these
// paths are stood in for; the chunk is injected.

const messages = vi.hoisted(() => {
  const sent: unknown[] = [];
  (globalThis as { chrome?: unknown }).chrome = {
    runtime: {
      getURL: (path: string) => `chrome-extension://hashiya/${path}`,
      sendMessage: (message: { id: string }) => {
        sent.push(message);
        return Promise.resolve({ entity: { id: message.id } });
      },
    },
    i18n: { getMessage: (key: string) => key },
  };
  return sent;
});
const { CardController, isShortcut } = await import('./card-controller');

describe('card shortcut', () => {
  const keydown = (key: string, code: string, mods: { alt?: boolean; shift?: boolean; ctrl?: boolean; meta?: boolean } = { alt: true, shift: true }) =>
    isShortcut({ key, code, altKey: !!mods.alt, shiftKey: !!mods.shift, ctrlKey: !!mods.ctrl, metaKey: !!mods.meta });

  it('is Alt+Shift+K by its letter, whatever key types it', () => {
    expect(keydown('K', 'KeyK')).toBe(true);
    expect(keydown('k', 'KeyK')).toBe(true);
    expect(keydown('K', 'Semicolon')).toBe(true); // a layout with K elsewhere
    expect(keydown('K', 'KeyK', { alt: true })).toBe(false);
    expect(keydown('K', 'KeyK', { alt: true, shift: true, ctrl: true })).toBe(false);
    expect(keydown('K', 'KeyK', { alt: true, shift: true, meta: true })).toBe(false);
  });

  it('is the K key where the layout types no Latin letter there, and leaves other letters alone', () => {
    expect(keydown('\uf8ff', 'KeyK')).toBe(true); // macOS: Option+Shift+K types the Apple logo
    expect(keydown('ن', 'KeyK')).toBe(true); // an Arabic layout
    expect(keydown('T', 'KeyK')).toBe(false); // Dvorak types t there: Alt+Shift+T is another shortcut's
    expect(keydown('ن', 'KeyJ')).toBe(false);
  });
});

describe('card controller', () => {
  const shown: CardRequest[] = [];
  const drawnHidden: CardRequest[] = [];
  const view: CardView = { drawHidden: (request) => void drawnHidden.push(request), show: (request) => void shown.push(request), hide: () => undefined, focus: () => undefined };
  const documentElement = { lang: 'en', append: () => undefined };
  /** The card hosts made, in order: each is on <html> as a manual popover until a test changes it. */
  const hosts: { parentNode: unknown; popover: string | null; localName: string; removed: boolean }[] = [];
  const createElement = (localName: string) => {
    const made = { localName, parentNode: documentElement as unknown, popover: null as string | null, removed: false };
    hosts.push(made);
    return {
      get parentNode() {
        return made.parentNode;
      },
      setAttribute: (_name: string, value: string) => void (made.popover = value),
      getAttribute: () => made.popover,
      attachShadow: (init: ShadowRootInit) => ({ mode: init.mode, querySelector: () => null }),
      matches: () => false,
      remove: () => void (made.removed = true),
    };
  };
  const hit: Hit = {
    mention: { entity: 'vladimir-putin' },
    range: { startContainer: {}, startOffset: 0, toString: () => 'Putin' },
    rect: {},
  } as unknown as Hit;
  const annotator = { hitTest: () => hit } as unknown as Annotator;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    vi.stubGlobal('window', globalThis);
    vi.stubGlobal('document', {
      querySelector: () => null,
      querySelectorAll: () => [],
      createElement,
      documentElement,
    });
    hosts.length = 0;
    shown.length = 0;
    drawnHidden.length = 0;
    messages.length = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('renders the card while the delay runs and shows that same card when it ends', async () => {
    const card = new CardController(annotator, DEFAULT_SETTINGS, { loadChunk: () => Promise.resolve({ createCardView: () => view }) });
    card.pointer(hit, 10, 10);
    await vi.advanceTimersByTimeAsync(DEFAULT_SETTINGS.hoverDelay - 10);
    expect(shown).toEqual([]);
    expect(drawnHidden.map((r) => [r.data.entity.id, r.matched])).toEqual([['vladimir-putin', 'Putin']]);
    await vi.advanceTimersByTimeAsync(20);
    expect(shown).toEqual(drawnHidden); // the same request: the delay's end has nothing to render
  });

  it('when card.js does not load, goes back to idle, and the next hover loads the chunk again and shows the card', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let fail = true;
    const asked: string[] = [];
    const loadChunk = (url: string) => {
      asked.push(url);
      return fail ? Promise.reject(new TypeError('error loading dynamically imported module')) : Promise.resolve({ createCardView: () => view });
    };
    const card = new CardController(annotator, DEFAULT_SETTINGS, { loadChunk });

    card.pointer(hit, 10, 10); // rests on Putin: the chunk and the data load during the delay
    await vi.advanceTimersByTimeAsync(DEFAULT_SETTINGS.hoverDelay + 10);
    expect(shown).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1); // said once, not as an unhandled rejection
    expect(asked.length).toBe(2); // once while the delay ran, once more when the card was due

    // Idle, not an open card with nothing on screen: the pointer leaving starts no close timer,
    // and coming back waits out the delay again before it loads and shows the card.
    card.pointer(null, 500, 500);
    fail = false;
    card.pointer(hit, 10, 10);
    expect(asked.length).toBe(3);
    await vi.advanceTimersByTimeAsync(DEFAULT_SETTINGS.hoverDelay - 10);
    expect(shown).toEqual([]);
    await vi.advanceTimersByTimeAsync(20);
    expect(shown.map((r) => r.data.entity.id)).toEqual(['vladimir-putin']);
    expect(messages).toHaveLength(1); // the data came the first time and was kept
  });

  it('puts the card in a closed shadow root on a host of a made-up name, and a new host when the page removed the old one or its popover', async () => {
    const roots: unknown[] = [];
    const loadChunk = () => Promise.resolve({ createCardView: (root: ShadowRoot) => (roots.push(root), view) });
    const card = new CardController(annotator, { ...DEFAULT_SETTINGS, hoverDelay: 0 }, { loadChunk });
    const hover = async () => {
      card.pointer(null, 500, 500);
      await vi.advanceTimersByTimeAsync(1000); // closed: past the close grace
      card.pointer(hit, 10, 10);
      await vi.advanceTimersByTimeAsync(10);
    };
    await hover();
    expect(hosts).toHaveLength(1);
    expect(hosts[0]!.localName).toMatch(/^[a-z]{6}-[a-z]{6}$/);
    expect(roots).toMatchObject([{ mode: 'closed' }]);
    await hover();
    expect(hosts).toHaveLength(1); // kept between cards
    hosts[0]!.parentNode = null; // the page removed it
    await hover();
    expect(hosts).toHaveLength(2);
    expect(hosts[1]!.localName).not.toBe(hosts[0]!.localName);
    hosts[1]!.popover = null; // the page took its popover attribute
    await hover();
    expect(hosts).toHaveLength(3);
    expect(hosts[1]!.removed).toBe(true); // a host without its popover would show in the page: gone
    expect(shown.map((r) => r.data.entity.id)).toEqual(['vladimir-putin', 'vladimir-putin', 'vladimir-putin', 'vladimir-putin']);
  });

  it('does not keep a missing answer from the background: the next card asks again', async () => {
    const loadChunk = () => Promise.resolve({ createCardView: () => view });
    const card = new CardController(annotator, { ...DEFAULT_SETTINGS, hoverDelay: 0 }, { loadChunk });
    const chrome = (globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<CardData | null> } } }).chrome;
    const answer = vi.spyOn(chrome.runtime, 'sendMessage').mockResolvedValueOnce(null);
    card.pointer(hit, 10, 10);
    await vi.advanceTimersByTimeAsync(10);
    expect(shown).toEqual([]);
    card.pointer(null, 500, 500);
    card.pointer(hit, 10, 10);
    await vi.advanceTimersByTimeAsync(10);
    expect(answer).toHaveBeenCalledTimes(2);
    expect(shown.map((r) => r.data.entity.id)).toEqual(['vladimir-putin']);
  });

  describe('how cards open', () => {
    const move = (held: string[] = []) => ({ type: 'pointermove', timeStamp: performance.now(), getModifierState: (k: string) => held.includes(k) });
    const loadChunk = () => Promise.resolve({ createCardView: () => view });
    beforeEach(() => vi.stubGlobal('HTMLElement', class {}));

    it('with a key to hold: resting opens nothing; resting with the key held opens the card at once; it stays while the pointer is on it', async () => {
      const card = new CardController(annotator, { ...DEFAULT_SETTINGS, openMode: 'key', hoverKey: 'alt' }, { loadChunk });
      card.pointer(hit, 10, 10, move());
      await vi.advanceTimersByTimeAsync(DEFAULT_SETTINGS.hoverDelay * 3);
      expect(shown).toEqual([]);
      card.pointer(hit, 10, 10, move(['Shift'])); // another key
      await vi.advanceTimersByTimeAsync(DEFAULT_SETTINGS.hoverDelay * 3);
      expect(shown).toEqual([]);
      card.pointer(hit, 12, 10, move(['Alt']));
      await vi.advanceTimersByTimeAsync(10); // no hover delay: the key asked for it
      expect(shown.map((r) => r.data.entity.id)).toEqual(['vladimir-putin']);
      card.pointer(hit, 14, 10, move()); // the key let go, the pointer still on the name: the card stays
      await vi.advanceTimersByTimeAsync(DEFAULT_SETTINGS.hoverDelay * 3);
      expect(shown).toHaveLength(1);
    });

    it('on click: pointer moves neither open nor close a card, a click opens it', async () => {
      const focusing = { ...annotator, showFocus: () => undefined } as unknown as Annotator;
      const card = new CardController(focusing, { ...DEFAULT_SETTINGS, openMode: 'click' }, { loadChunk });
      card.pointer(hit, 10, 10, move(['Shift', 'Alt', 'Control']));
      await vi.advanceTimersByTimeAsync(DEFAULT_SETTINGS.hoverDelay * 3);
      expect(shown).toEqual([]);
      expect(messages).toEqual([]); // not even its data asked for
      card.open({ getClientRects: () => [{ left: 0, top: 0, width: 20, height: 10 }] } as unknown as Range, false); // as a click or the shortcuts do
      await vi.advanceTimersByTimeAsync(10);
      expect(shown.map((r) => r.data.entity.id)).toEqual(['vladimir-putin']);
      card.pointer(null, 500, 500, move());
      await vi.advanceTimersByTimeAsync(DEFAULT_SETTINGS.hoverDelay * 3);
      card.pointer(hit, 10, 10, move());
      expect(shown).toHaveLength(1); // still the one card, never closed and opened again
    });
  });
});
