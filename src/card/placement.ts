import { arrow, autoUpdate, computePosition, flip, inline, offset, shift, size, type Placement } from '@floating-ui/dom';
import type { CardRequest } from './card-api';
import type { CardFrame } from './frame';

// Where the card stands: next to its mention's line, under the point the pointer was at, start
// edge to start edge with the mention's own direction, flipped and shifted to stay in the viewport
// (Floating UI). The host is moved by the shadow root's own `:host` rule (frame.ts), the height
// there is room for is the card's --room, and the side it went to the card's data-placement: the
// host itself shows the page nothing of it.

const GAP = 10;

/** Places `host` (and the frame's arrow) for `request`; resolves once the place is set. */
export async function placeCard(host: HTMLElement, { card, arrow: arrowElement, place }: CardFrame, request: CardRequest): Promise<void> {
  const { anchor, point } = request;
  // The mention's own direction decides the side the card lines up with: start edge to start edge.
  const element = anchor.startContainer.parentElement;
  // Firefox gives no style (null) in a document with no layout, such as a tab being closed while
  // a copy or a render was under way: there is nothing to place then.
  const style = element ? (getComputedStyle(element) as CSSStyleDeclaration | null) : null;
  if (element && !style) return;
  const rtl = style?.direction === 'rtl';
  const placement: Placement = rtl ? 'bottom-end' : 'bottom-start';
  const reference = { getBoundingClientRect: () => anchor.getBoundingClientRect(), getClientRects: () => anchor.getClientRects(), contextElement: element ?? undefined };
  // Where neither side has room for the whole card (a short window, a name mid-screen), it
  // keeps to the side with more room and scrolls inside the height that side has.
  const room = size({ padding: 8, apply: ({ availableHeight }) => card.style.setProperty('--room', `${Math.max(120, Math.floor(availableHeight))}px`) });
  const middleware = [inline(point ?? undefined), offset(GAP), flip({ padding: 8 }), room, shift({ padding: 8 }), arrow({ element: arrowElement, padding: 12 })];
  const result = await computePosition(reference, host, { strategy: 'fixed', placement, middleware });
  place.setProperty('translate', `${Math.round(result.x)}px ${Math.round(result.y)}px`, 'important');
  const side = result.placement.split('-')[0];
  card.dataset.placement = result.placement;
  const { x } = result.middlewareData.arrow ?? {};
  arrowElement.className = `arrow ${side === 'top' ? 'top' : 'bottom'}`;
  arrowElement.style.left = x === undefined ? '' : `${x}px`;
  arrowElement.style.top = side === 'top' ? '' : '-7px';
  arrowElement.style.bottom = side === 'top' ? '-7px' : '';
}

/**
 * Calls `place` whenever the mention or the card may have moved (scrolling, resizing, layout);
 * returns the function that stops it. `fromNextFrame`: begin only in the task after the next
 * frame, for a card placed already, so that nothing measures layout before that frame paints it.
 */
export function keepPlaced(host: HTMLElement, anchor: Range, place: () => void, fromNextFrame: boolean): () => void {
  const element = anchor.startContainer.parentElement;
  const reference = { getBoundingClientRect: () => anchor.getBoundingClientRect(), contextElement: element ?? undefined };
  const watch = () => autoUpdate(reference, host, place, { animationFrame: false });
  if (!fromNextFrame) return watch();
  let stopped = false;
  let stop: (() => void) | null = null;
  requestAnimationFrame(() => setTimeout(() => (stop = stopped ? null : watch())));
  return () => {
    stopped = true;
    stop?.();
  };
}

/** Whether two boxes are the same to within half a pixel (a mention that has not moved). */
export const sameRect = (a: DOMRect, b: DOMRect): boolean =>
  Math.abs(a.left - b.left) < 0.5 && Math.abs(a.top - b.top) < 0.5 && Math.abs(a.width - b.width) < 0.5 && Math.abs(a.height - b.height) < 0.5;
