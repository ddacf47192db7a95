import type { CardData } from '../data/card-data';
import type { CardRequest } from './card-api';
import { CARD_CSS } from './card-styles';
import { langAttrs, languagesOf } from './card-text';

// The card's frame: the dialog box in the host's shadow root, with its stylesheet, the arrow that
// points at the mention and the scrolling part the card's content is rendered into. The frame
// carries what assistive technology and the stylesheet read: role, label, language, direction,
// theme and text size.

export interface CardFrame {
  /** The dialog: role="dialog", focusable, labelled with the entity's name. */
  readonly card: HTMLDivElement;
  /** Where the card's content is rendered; scrolls when the card is taller than its room. */
  readonly scroller: HTMLDivElement;
  /** The arrow towards the mention (placement.ts puts it). */
  readonly arrow: HTMLDivElement;
  /** The declarations of the shadow root's `:host` rule that places the host (placement.ts). */
  readonly place: CSSStyleDeclaration;
  /** Enabled while the hidden card is laid out ahead of showing (drawHidden): rendered, unseen. */
  readonly measuring: CSSStyleSheet;
}

/** Builds the frame inside `root` (the shadow root of the card host). */
export function createFrame(root: ShadowRoot): CardFrame {
  const style = document.createElement('style');
  style.textContent = CARD_CSS;
  const card = document.createElement('div');
  card.className = 'card';
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-modal', 'false');
  card.tabIndex = -1;
  const scroller = document.createElement('div');
  scroller.className = 'scroll';
  const arrow = document.createElement('div');
  arrow.className = 'arrow';
  card.append(arrow, scroller);
  root.append(style, card);
  // Constructed sheets, adopted by the shadow root: they come after the <style> in the cascade and,
  // unlike the host's own attributes, are out of the page's sight.
  const placing = new CSSStyleSheet();
  placing.replaceSync(':host { translate: 0px 0px !important; }');
  const measuring = new CSSStyleSheet();
  measuring.replaceSync(':host(:not(:popover-open)) { display: block !important; visibility: hidden !important; pointer-events: none !important; }');
  measuring.disabled = true;
  root.adoptedStyleSheets = [placing, measuring];
  return { card, scroller, arrow, place: (placing.cssRules[0] as CSSStyleRule).style, measuring };
}

/** Dresses the frame for `data` as `request` asks: theme, text size, label, lead language. */
export function dressFrame({ card }: CardFrame, request: CardRequest, data: CardData): void {
  const lead = languagesOf(request.language)[0]!;
  card.className = `card ${request.theme}`;
  card.style.setProperty('--size', `${(14 * request.textSize) / 100}px`);
  card.setAttribute('aria-label', data.entity.name[lead]);
  card.setAttribute('data-entity', data.entity.id);
  const attrs = langAttrs(lead);
  card.lang = attrs.lang;
  card.dir = attrs.dir;
}
