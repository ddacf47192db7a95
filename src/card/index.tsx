import { arrow, autoUpdate, computePosition, flip, inline, offset, shift, size, type Placement } from '@floating-ui/dom';
import outline from 'hashiya:region-map';
import { render } from 'preact';
import type { CardData } from '../data/card-data';
import type { CardHooks, CardRequest, CardView, CreateCardView } from './card-api';
import { langAttrs, languagesOf } from './card-text';
import { CARD_CSS } from './card-styles';
import { EntityCard } from './EntityCard';

// The card chunk (card.js): loaded by the content script on first use, so Preact, Floating UI
// and the map outlines cost the page nothing until a reader asks for a card. It renders into the
// host's shadow root and places the host next to the mention's line.

const GAP = 10;

/** What a request draws and where: a card drawn hidden shows as it is if these are the same. */
const SHOWN_FIELDS = ['data', 'anchor', 'matched', 'language', 'theme', 'textSize', 'pinned'] as const;
const samePoint = (a: CardRequest['point'], b: CardRequest['point']) => a?.x === b?.x && a?.y === b?.y;

const sameRect = (a: DOMRect, b: DOMRect) => Math.abs(a.left - b.left) < 0.5 && Math.abs(a.top - b.top) < 0.5 && Math.abs(a.width - b.width) < 0.5 && Math.abs(a.height - b.height) < 0.5;

/** Builds the card view inside `root` (the shadow root of `host`). */
export const createCardView: CreateCardView = (root: ShadowRoot, host: HTMLElement, hooks: CardHooks): CardView => {
  const style = document.createElement('style');
  style.textContent = CARD_CSS;
  const card = document.createElement('div');
  card.className = 'card';
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-modal', 'false');
  card.tabIndex = -1;
  const scroller = document.createElement('div');
  scroller.className = 'scroll';
  const arrowElement = document.createElement('div');
  arrowElement.className = 'arrow';
  card.append(arrowElement, scroller);
  root.append(style, card);

  let request: CardRequest | null = null;
  /** The entities shown, the current one last: related navigation pushes, Back pops. */
  let history: CardData[] = [];
  let stopUpdating: (() => void) | null = null;
  /** The request drawn and placed while hidden (drawHidden), and where its name was then. */
  let drawnHidden: { request: CardRequest; anchor: DOMRect } | null = null;

  // Tab stays inside the open card (non-modal: the pointer and Escape still leave it).
  card.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    const items = [...card.querySelectorAll<HTMLElement>('button')];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    const active = root.activeElement;
    if (event.shiftKey && (active === first || active === card)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  });

  const draw = () => {
    const data = history[history.length - 1];
    if (!request || !data) return;
    const lead = languagesOf(request.language)[0]!;
    card.className = `card ${request.theme}`;
    card.style.setProperty('--size', `${(14 * request.textSize) / 100}px`);
    card.setAttribute('aria-label', data.entity.name[lead]);
    card.setAttribute('data-entity', data.entity.id);
    const attrs = langAttrs(lead);
    card.lang = attrs.lang;
    card.dir = attrs.dir;
    render(
      <EntityCard
        data={data}
        language={request.language}
        matched={request.matched}
        outline={outline}
        pinned={request.pinned}
        canGoBack={history.length > 1}
        readerUrl={location.href.startsWith(hooks.readerUrl) ? null : hooks.readerUrl}
        t={hooks.t}
        onRelated={(id) => void follow(id)}
        onBack={back}
        onPin={hooks.pin}
        onClose={hooks.close}
      />,
      scroller,
    );
  };

  const follow = async (id: string) => {
    const data = await hooks.entity(id);
    if (!data || !request) return;
    history = [...history, data];
    draw();
    scroller.scrollTop = 0;
    card.querySelector<HTMLElement>('[data-action="back"]')?.focus();
  };

  const back = () => {
    if (history.length < 2) return;
    const from = history[history.length - 1]!.entity.id;
    history = history.slice(0, -1);
    draw();
    card.querySelector<HTMLElement>(`[data-related="${CSS.escape(from)}"]`)?.focus();
  };

  const place = async () => {
    if (!request) return;
    const { anchor, point } = request;
    // The mention's own direction decides the side the card lines up with: start edge to start edge.
    const element = anchor.startContainer.parentElement;
    const rtl = element ? getComputedStyle(element).direction === 'rtl' : false;
    const placement: Placement = rtl ? 'bottom-end' : 'bottom-start';
    const reference = { getBoundingClientRect: () => anchor.getBoundingClientRect(), getClientRects: () => anchor.getClientRects(), contextElement: element ?? undefined };
    // Where neither side has room for the whole card (a short window, a name mid-screen), it
    // keeps to the side with more room and scrolls inside the height that side has.
    const room = size({ padding: 8, apply: ({ availableHeight }) => host.style.setProperty('--hashiya-room', `${Math.max(120, Math.floor(availableHeight))}px`) });
    const middleware = [inline(point ?? undefined), offset(GAP), flip({ padding: 8 }), room, shift({ padding: 8 }), arrow({ element: arrowElement, padding: 12 })];
    const result = await computePosition(reference, host, { strategy: 'fixed', placement, middleware });
    host.style.setProperty('--hashiya-x', `${Math.round(result.x)}px`);
    host.style.setProperty('--hashiya-y', `${Math.round(result.y)}px`);
    const side = result.placement.split('-')[0];
    host.dataset.placement = result.placement;
    const { x } = result.middlewareData.arrow ?? {};
    arrowElement.className = `arrow ${side === 'top' ? 'top' : 'bottom'}`;
    arrowElement.style.left = x === undefined ? '' : `${x}px`;
    arrowElement.style.top = side === 'top' ? '' : '-7px';
    arrowElement.style.bottom = side === 'top' ? '-7px' : '';
  };

  return {
    drawHidden(next) {
      if (host.matches(':popover-open')) return;
      request = next;
      history = [next.data];
      drawnHidden = null;
      draw();
      // Laid out and placed once, unseen, before this task ends (placing takes microtasks only):
      // fonts, text shaping, styles and the placement code are ready, and the place is known,
      // when the card shows. The first card on a page otherwise spends ~20 ms more at that moment.
      const anchor = next.anchor.getBoundingClientRect();
      host.toggleAttribute('data-measure', true);
      void place()
        .then(() => {
          if (request === next) drawnHidden = { request: next, anchor };
        })
        .finally(() => host.removeAttribute('data-measure'));
    },
    show(next) {
      const sameEntity = request?.data.entity.id === next.data.entity.id && request.anchor === next.anchor;
      // The card drawn hidden during the delay is drawn and placed already (unless the name has
      // moved since): showing it renders nothing again, and the card is laid out in the frame that
      // paints it, not before. Its place is watched from the next task on.
      const ready =
        !!drawnHidden && !host.matches(':popover-open') && SHOWN_FIELDS.every((key) => drawnHidden!.request[key] === next[key]) && samePoint(drawnHidden.request.point, next.point) && sameRect(drawnHidden.anchor, next.anchor.getBoundingClientRect());
      drawnHidden = null;
      request = next;
      if (!sameEntity) history = [next.data];
      if (!ready) draw();
      if (!host.matches(':popover-open')) host.showPopover();
      stopUpdating?.();
      const element = next.anchor.startContainer.parentElement;
      const reference = { getBoundingClientRect: () => next.anchor.getBoundingClientRect(), contextElement: element ?? undefined };
      const watch = () => autoUpdate(reference, host, () => void place(), { animationFrame: false });
      if (!ready) {
        stopUpdating = watch();
        return;
      }
      let stopped = false;
      let stop: (() => void) | null = null;
      requestAnimationFrame(() => setTimeout(() => (stop = stopped ? null : watch())));
      stopUpdating = () => {
        stopped = true;
        stop?.();
      };
    },
    hide() {
      stopUpdating?.();
      stopUpdating = null;
      request = null;
      drawnHidden = null;
      history = [];
      if (host.matches(':popover-open')) host.hidePopover();
      render(null, scroller);
    },
    focus() {
      card.focus();
    },
  };
};
