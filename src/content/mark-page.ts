// What the content script and the reader page both run on a page: the annotator, the card, the
// pointer that moves the focus mark and the card, and the first read.
import type { PageMatcher } from '../match/matcher';
import type { Settings } from '../settings/settings';
import { Annotator } from './annotator';
import { CardController } from './card-controller';
import { trackPointer } from './pointer';

export interface MarkPageOptions {
  /** Told the mentions drawn per entity whenever they change. */
  readonly onCounts?: (counts: Record<string, number>) => void;
  /** Where the card's code is loaded from (the card controller's default when absent). */
  readonly chunkUrl?: string;
  /** The page is Hashiya's reader page: cards offer no way to it. */
  readonly onReaderPage?: boolean;
  /**
   * Guard against what a web page does: highlights it removes from CSS.highlights are put back
   * (on pointer moves, scrolls and a tab shown again), and a history navigation reads the page
   * again. Hashiya's own reader page needs neither.
   */
  readonly guardPage?: boolean;
}

/** A page being marked: `update` applies new settings, `stop` removes every mark and listener. */
export interface MarkedPage {
  readonly annotator: Annotator;
  readonly card: CardController;
  update(settings: Settings): void;
  stop(): void;
}

/** Starts marking the page with `matcher`: listeners attached, first read under way. */
export function markPage(matcher: PageMatcher, settings: Settings, options: MarkPageOptions = {}): MarkedPage {
  const annotator = new Annotator(matcher, settings, options.onCounts ?? (() => undefined));
  const card = new CardController(annotator, settings, { ...(options.chunkUrl === undefined ? {} : { chunkUrl: options.chunkUrl }), onReaderPage: options.onReaderPage ?? false });
  const detach = listen(annotator, card, options.guardPage ?? false);
  void annotator.readAll();
  return {
    annotator,
    card,
    update(next) {
      annotator.update(next);
      card.update(next);
    },
    stop() {
      detach();
      annotator.stop();
    },
  };
}

/** Pointer and page listeners, attached only while Hashiya runs; returns what removes them. */
function listen(active: Annotator, card: CardController, guardPage: boolean): () => void {
  const stopPointer = trackPointer((x, y, event) => {
    if (guardPage) active.ensureRegistered();
    const hit = active.hitTest(x, y);
    active.showFocus(hit);
    card.pointer(hit, x, y, event);
  });
  const stopGuard = guardPage ? guard(active) : () => undefined;
  const stopCard = card.listen();
  return () => {
    stopCard();
    stopPointer();
    stopGuard();
  };
}

/** See MarkPageOptions.guardPage. */
function guard(active: Annotator): () => void {
  // Events a page script makes are ignored: a flood of fake popstate events must not make the
  // whole page be read again and again.
  const onRestore = (event: Event) => {
    if (event.isTrusted) active.ensureRegistered();
  };
  const onNavigate = (event: Event) => {
    if (event.isTrusted) void active.readAll();
  };
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  window.addEventListener('scroll', onRestore, { passive: true, capture: true });
  document.addEventListener('visibilitychange', onRestore);
  window.addEventListener('popstate', onNavigate);
  navigation?.addEventListener('navigatesuccess', onNavigate);
  return () => {
    window.removeEventListener('scroll', onRestore, { capture: true });
    document.removeEventListener('visibilitychange', onRestore);
    window.removeEventListener('popstate', onNavigate);
    navigation?.removeEventListener('navigatesuccess', onNavigate);
  };
}
