import { foldData, ligatureWords, matchJson, rulesJson } from 'hashiya:engine-data';
import { expandMatchData, type CompactMatchData, type MatchData } from '../data/match-data';
import { compileMatcher, lazyMatcher, precompiledMatcher, type PageMatcher } from '../match/matcher';
import { loadImportedMatchData, onImportedMatchDataChanged } from '../settings/match-store';
import { BUNDLED_PACK_ID, type Settings } from '../settings/settings';
import { usePageHighlightNames, type HighlightNames } from './highlight-names';
import { liveRange } from './hit-test';
import { markPage, type MarkedPage } from './mark-page';
import { announce } from './announcer';
import { ask } from '../ext';
import type { GetAnnouncementMessage } from '../messages';
import type { EngineInputs } from './engine-inputs';
import { useFoldData } from '../match/fold-table';
import type { EncodedTables } from '../match/table-encoding';
import { later } from './scheduler';

// The engine: what reads and marks a frame, and its cards. The content script (index.ts) is a
// loader that every page and frame runs; the engine is engine.js (build.mjs engineOptions), which
// the background injects into a frame only when its loader asks, once Hashiya is on there and the
// frame has text to read (Firefox's top frame runs it from the manifest, where the browser compiles
// it once per session). A blank or empty frame (most ad frames) never compiles the matcher's, its
// tables' or the annotator's code, nor makes their data.

/** What the loader gives the engine. */
export interface EngineHost {
  /** The document's highlight names, made up by the loader (which styles them). */
  readonly names: HighlightNames;
  /** What the engine reads as it starts, asked for by the loader (engine-inputs.ts). */
  readonly inputs: EngineInputs;
  /** Told the mentions drawn per entity whenever they change. */
  report(counts: Record<string, number>): void;
}

/** What the loader asks of the engine. */
export interface Engine {
  /** Marks the frame under `settings`; null stops marking and removes every mark. */
  apply(settings: Settings | null): void;
  /** Whether the frame has been read and its marks drawn. */
  readonly pageRead: boolean;
  /** Scrolls to the `index`-th mention of `entity` and opens its card; false when there is none. */
  show(entity: string, index: number): boolean;
  /**
   * Scrolls to the next (1) or previous (-1) mention in document order and opens its card, with
   * the keyboard's focus; false when the frame has none that way (messages.ts StepMentionMessage).
   */
  step(direction: 1 | -1, fromEdge: boolean): boolean;
  /** Closes the card, if one is open. */
  closeCard(): void;
}

/** What engine.js exports (in the content script's world, as `hashiyaEngine`). */
export interface EngineChunk {
  readonly startEngine: typeof startEngine;
}

/** The engine of this frame, with the enabled imported packs' names loaded. */
export async function startEngine(host: EngineHost): Promise<Engine> {
  usePageHighlightNames(host.names);
  // Listening before the first read: match data the background stores while that read is under
  // way (a pack imported just as the page opens) is not missed.
  let whileLoading: readonly MatchData[] | null = null;
  let onImported = (next: readonly MatchData[]) => void (whileLoading = next);
  onImportedMatchDataChanged((next) => onImported(next));
  // The bundled pack's matcher comes from the background, which holds it: as a literal of this code
  // its 35 KB of words stayed on the heap after they were decoded. Its rules and ligatures and the
  // folding tables, read only at a frame's first candidate, are literals of functions of this code
  // (hashiya:engine-data): made once for all the frames of a process, and not at all where no
  // frame needs them (an ad frame with text but no name).
  const [loaded, sent] = await host.inputs.take();
  // The loader may have read the imported packs' match data before the listener above was added.
  const readAgain = host.inputs.changedSince();
  if (typeof sent?.bin !== 'string') throw new Error('Hashiya: the match tables did not come');
  useFoldData(foldData);
  let encoded: EncodedTables | null = { ...sent, groups: rulesJson, expansions: ligatureWords };
  // The bundled pack's matcher alone (the usual case): decoded once, when the page first has text
  // to read, and the encoded tables let go then.
  const bundledOnly = lazyMatcher(() => {
    const matcher = precompiledMatcher(encoded!);
    encoded = null;
    return matcher;
  });
  const state: {
    /** The enabled imported packs' match data, from storage (see match-store.ts). */
    imported: readonly MatchData[];
    /** Bumped whenever the stored match data changes. */
    importedVersion: number;
    /** The matcher of the enabled packs, and which set of them it was compiled for. */
    compiled: { readonly key: string; readonly matcher: PageMatcher };
    /** The settings last applied (null: off). */
    settings: Settings | null;
    /** The page being marked (null while Hashiya is off here), and the matcher it runs. */
    page: { readonly marked: MarkedPage; readonly matcher: PageMatcher } | null;
    /** The mention the next/previous shortcut showed last, while it is still drawn. */
    stepped: AbstractRange | null;
  } = {
    imported: whileLoading ?? loaded,
    importedVersion: 0,
    // The bundled pack's matcher, decoded when the page first has text to read (lazyMatcher): the
    // matcher of the bundled pack alone (key 'true 0'), unless packs are imported already.
    compiled: { key: '', matcher: bundledOnly },
    settings: null,
    page: null,
    stepped: null,
  };
  if (state.imported.length === 0) state.compiled = { ...state.compiled, key: 'true 0' };

  // The matcher of the enabled packs. The bundled pack alone (the usual case) was compiled at build
  // time; with imported packs (whose names come ready from storage, see match-store.ts) the page
  // compiles them, with the bundled pack's names when it is on, again only when that set changes.
  const matcherFor = (settings: Settings): PageMatcher => {
    const bundledOn = settings.enabledPacks.includes(BUNDLED_PACK_ID);
    const key = `${bundledOn} ${state.importedVersion}`;
    if (state.compiled.key === key) return state.compiled.matcher;
    const inputs = () => (bundledOn ? [bundledMatchData(), ...state.imported] : state.imported);
    state.compiled = { key, matcher: bundledOn && state.imported.length === 0 ? bundledOnly : lazyMatcher(() => compileMatcher(inputs())) };
    return state.compiled.matcher;
  };

  const apply = (settings: Settings | null): void => {
    state.settings = settings;
    const matcher = settings ? matcherFor(settings) : null;
    if (!matcher || (state.page && state.page.matcher !== matcher)) {
      state.page?.marked.stop();
      state.page = null;
      host.report({});
      if (!matcher) return;
    }
    if (state.page) {
      state.page.marked.update(settings!);
      return;
    }
    const onCounts = (counts: Record<string, number>) => {
      host.report(counts);
      lastCounts = counts;
      if (window === window.top && Object.keys(counts).length > 0) announceOnce();
    };
    state.page = { marked: markPage(matcher, settings!, { onCounts, guardPage: true }), matcher };
  };

  // Screen readers are told, once per page and politely, how many names the page holds and how to
  // go to them: once its first read has settled (a second without a new count), from the top frame.
  let announced = false;
  let announceTimer = 0;
  let lastCounts: Record<string, number> = {};
  const announceOnce = () => {
    if (announced) return;
    clearTimeout(announceTimer);
    announceTimer = later(() => {
      const count = Object.keys(lastCounts).length;
      if (announced || count === 0 || !state.page) return; // nothing to tell, or Hashiya switched off meanwhile
      announced = true;
      void ask({ type: 'get-announcement', count } satisfies GetAnnouncementMessage).then(announce, () => undefined);
    }, 1000);
  };

  onImported = (next) => {
    state.imported = next;
    state.importedVersion++;
    if (state.settings) apply(state.settings);
  };
  if (readAgain) void loadImportedMatchData().then(onImported);

  return {
    apply,
    get pageRead() {
      return state.page?.marked.annotator.pageRead ?? false;
    },
    show(entity, index) {
      const ranges = state.page?.marked.annotator.mentionsOf(entity) ?? [];
      const range = ranges[index % Math.max(ranges.length, 1)];
      if (!range) return false;
      reveal(range, true); // the popup closes, and the reader is on the page, in the card
      return true;
    },
    step(direction, fromEdge) {
      const all = state.page?.marked.annotator.allMentions() ?? [];
      const from = state.stepped;
      const at = fromEdge || !from ? -1 : all.findIndex((r) => r.startContainer === from.startContainer && r.startOffset === from.startOffset);
      // With none shown yet (or the one shown gone), from what is in view: the first mention that
      // is not above it, or the last that is not below it.
      const index =
        at >= 0 ? at + direction
        : fromEdge ? (direction > 0 ? 0 : all.length - 1)
        : direction > 0 ? all.findIndex((r) => liveRange(r).getBoundingClientRect().bottom > 0)
        : all.findLastIndex((r) => liveRange(r).getBoundingClientRect().top < innerHeight);
      const range = all[index];
      if (!range) return false;
      state.stepped = range;
      reveal(range, true);
      return true;
    },
    closeCard() {
      state.page?.marked.card.close();
    },
  };

  /** Scrolls the mention into view and opens its card (taking the keyboard's focus, `focus`). */
  function reveal(range: AbstractRange, focus: boolean): void {
    const card = state.page?.marked.card;
    const live = liveRange(range);
    const inView = () => {
      const r = live.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
    };
    if (inView()) return void card?.open(live, focus);
    // The card shown (another name's) closes first: it would close as its name scrolls away, and
    // give the focus back, once the next card had opened.
    card?.close();
    // Smooth scrolling is for a reader who watches: not under reduced motion, and not in a hidden
    // tab, where Firefox does not advance it.
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches && document.visibilityState === 'visible';
    const scroll = (behavior: ScrollBehavior) => range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior });
    scroll(smooth ? 'smooth' : 'instant');
    if (!smooth) return void later(() => card?.open(live, focus), 0);
    // The card opens where the name has come to rest: when the scroll ends (its length depends on
    // the distance), or after a second at the latest, the name then put in view at once (a page
    // that draws no frames, or that scrolled elsewhere meanwhile).
    let opened = false;
    const settle = (event?: Event) => {
      if (opened || (event && !event.isTrusted)) return;
      opened = true;
      removeEventListener('scrollend', settle, true);
      clearTimeout(timer);
      if (!inView()) scroll('instant');
      card?.open(live, focus);
    };
    addEventListener('scrollend', settle, true);
    const timer = later(settle, 1000);
  }
}

/** The bundled pack's match data, parsed only to be compiled with imported packs. */
const bundledMatchData = (): MatchData => expandMatchData(JSON.parse(matchJson()) as CompactMatchData);
