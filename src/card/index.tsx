import WORDS from 'hashiya:card-words';
import WORLD from 'hashiya:world-map';
import { render } from 'preact';
import type { CardHooks, CardRequest, CardView, CreateCardView } from './card-api';
import { EntityCard } from './EntityCard';
import { wordsFrom } from './card-text';
import { createFrame, dressFrame } from './frame';
import { focusBack, focusRelated, keepTabInside } from './focus';
import { CardHistory } from './history';
import { keepPlaced, placeCard, sameRect } from './placement';

// The card chunk (card.js): loaded by the content script on first use, so Preact, Floating UI
// and the map outlines cost the page nothing until a reader asks for a card. It renders into the
// host's shadow root and places the host next to the mention's line. This module wires the parts:
// the frame (frame.ts), focus (focus.ts), the Back history (history.ts) and the placement
// (placement.ts) around the card's content (EntityCard).

/** What a request draws and where: a card drawn hidden shows as it is if these are the same. */
const SHOWN_FIELDS = ['data', 'anchor', 'matched', 'language', 'theme', 'textSize', 'pinned'] as const;
/** A copy's citation is in the card's language through and through, its one word too. */
const CITE_WORDS = { ar: WORDS.ar.cardCiteSource!, en: WORDS.en.cardCiteSource! };
const samePoint = (a: CardRequest['point'], b: CardRequest['point']) => a?.x === b?.x && a?.y === b?.y;

/** Builds the card view inside `root` (the shadow root of `host`). */
export const createCardView: CreateCardView = (root: ShadowRoot, host: HTMLElement, hooks: CardHooks): CardView => {
  const frame = createFrame(root);
  keepTabInside(frame.card, root);

  let request: CardRequest | null = null;
  const history = new CardHistory();
  let stopPlacing: (() => void) | null = null;
  /** The request drawn and placed while hidden (drawHidden), and where its name was then. */
  let drawnHidden: { request: CardRequest; anchor: DOMRect } | null = null;

  const draw = () => {
    const data = history.current;
    if (!request || !data) return;
    dressFrame(frame, request, data);
    render(
      <EntityCard
        data={data}
        language={request.language}
        matched={request.matched}
        world={WORLD}
        pinned={request.pinned}
        canGoBack={history.canGoBack}
        onReader={hooks.openReader}
        t={request.words ? wordsFrom(WORDS[request.words], hooks.t) : hooks.t}
        wordsLang={request.words ?? (hooks.t('@@ui_locale').startsWith('ar') ? 'ar' : 'en')}
        onRelated={(id) => void follow(id)}
        onBack={back}
        onPin={hooks.pin}
        onClose={hooks.close}
        onCopy={(clip) => hooks.copy(clip.plain, clip.html)}
        citeWords={CITE_WORDS}
      />,
      frame.scroller,
    );
  };

  const follow = async (id: string) => {
    const data = await hooks.entity(id);
    if (!data || !request) return;
    history.push(data);
    draw();
    frame.scroller.scrollTop = 0;
    focusBack(frame.card);
  };

  const back = () => {
    const from = history.back();
    if (from === null) return;
    draw();
    focusRelated(frame.card, from);
  };

  /** Places the card for the request of the moment (none after hide). */
  const place = async () => {
    if (request) await placeCard(host, frame, request);
  };

  return {
    drawHidden(next) {
      if (host.matches(':popover-open')) return;
      request = next;
      history.start(next.data);
      drawnHidden = null;
      draw();
      // Laid out and placed once, unseen, before this task ends (placing takes microtasks only):
      // fonts, text shaping, styles and the placement code are ready, and the place is known,
      // when the card shows. The first card on a page otherwise spends ~20 ms more at that moment.
      const anchor = next.anchor.getBoundingClientRect();
      frame.measuring.disabled = false;
      void place()
        .then(() => {
          if (request === next) drawnHidden = { request: next, anchor };
        })
        .finally(() => (frame.measuring.disabled = true));
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
      if (!sameEntity) history.start(next.data);
      if (!ready) draw();
      if (!host.matches(':popover-open')) host.showPopover();
      stopPlacing?.();
      stopPlacing = keepPlaced(host, next.anchor, () => void place(), ready);
    },
    hide() {
      stopPlacing?.();
      stopPlacing = null;
      request = null;
      drawnHidden = null;
      history.clear();
      if (host.matches(':popover-open')) host.hidePopover();
      render(null, frame.scroller);
    },
    focus() {
      frame.card.focus();
    },
  };
};
