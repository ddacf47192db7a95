// What the content script and the card chunk (card.js, loaded on first use) say to each other.
// Types and one name: the content script imports none of the chunk's code.
import type { CardData } from '../data/card-data';
import type { Theme } from '../settings/settings';

export type CardLanguage = 'ar' | 'en' | 'both';

/** One card to show, anchored to the mention it belongs to. */
export interface CardRequest {
  readonly data: CardData;
  /** The mention on the page; the card is placed at its line under `point`. */
  readonly anchor: Range;
  readonly point: { readonly x: number; readonly y: number } | null;
  /** The page's text of the mention ("matched: …"). */
  readonly matched: string;
  readonly language: CardLanguage;
  /**
   * The language of the card's own words (section titles, type names, buttons) when the reader has
   * chosen the card's language (Arabic or English); absent: the browser's (CardHooks.t).
   */
  readonly words?: 'ar' | 'en';
  readonly theme: Theme;
  /** The card's text size in per cent (settings.textSize). */
  readonly textSize: number;
  readonly pinned: boolean;
}

/** What the card asks of the content script. */
export interface CardHooks {
  /** The interface string `key` (chrome.i18n). */
  t(this: void, key: string, substitutions?: string | string[]): string;
  /** The card data of another entity (related navigation); cached by the content script. */
  entity(this: void, id: string): Promise<CardData | null>;
  /** Opens the reader page (the bundled article) in a new tab; null on the reader page itself. */
  /** Opens the article of pack `pack` in the reader page (null on the reader page itself). */
  readonly openReader: ((pack: string) => void) | null;
  pin(this: void): void;
  close(this: void): void;
  /** Puts a copy on the clipboard, through the background (never in the page); true when written. */
  copy(this: void, plain: string, html: string): Promise<boolean>;
}

/** The card as the content script drives it. */
export interface CardView {
  /**
   * Draws and places the card for `request` while it is hidden (during the hover delay), so that
   * the `show` of the same request at the delay's end has next to nothing left to do. Does nothing
   * while a card is on screen.
   */
  drawHidden(request: CardRequest): void;
  /** Shows (or updates) the card; a new entity starts a new Back history. */
  show(request: CardRequest): void;
  hide(): void;
  /** Moves keyboard focus into the card. */
  focus(): void;
}

/** The chunk's one export. */
export type CreateCardView = (root: ShadowRoot, host: HTMLElement, hooks: CardHooks) => CardView;
