import BUNDLED from 'hashiya:bundled-matcher';
import { expandMatchData, type CompactMatchData, type MatchData } from '../data/match-data';
import { compileMatcher, lazyMatcher, precompiledMatcher, type PageMatcher } from '../match/matcher';
import { loadImportedMatchData, onImportedMatchDataChanged } from '../settings/match-store';
import { BUNDLED_PACK_ID, type Settings } from '../settings/settings';
import { usePageHighlightNames, type HighlightNames } from './highlight-names';
import { liveRange } from './hit-test';
import { markPage, type MarkedPage } from './mark-page';

// The engine: what reads and marks a frame, and its cards. The content script (index.ts) is a
// loader that every page and frame runs; the engine is engine.js (build.mjs engineOptions), which
// the background injects into a frame only when its loader asks, once Hashiya is on there and the
// frame has text to read. A blank or empty frame (most ad frames) never compiles the matcher's,
// its tables' or the annotator's code, nor makes their data.

/** What the loader gives the engine. */
export interface EngineHost {
  /** The document's highlight names, made up by the loader (which styles them). */
  readonly names: HighlightNames;
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
}

/** What engine.js exports (in the content script's world, as `hashiyaEngine`). */
export interface EngineChunk {
  readonly startEngine: typeof startEngine;
}

/** The engine of this frame, with the enabled imported packs' names loaded. */
export async function startEngine(host: EngineHost): Promise<Engine> {
  usePageHighlightNames(host.names);
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
  } = {
    imported: await loadImportedMatchData(),
    importedVersion: 0,
    // The bundled pack's matcher, decoded when the page first has text to read (lazyMatcher): the
    // matcher of the bundled pack alone (key 'true 0'), unless packs are imported already.
    compiled: { key: '', matcher: lazyMatcher(() => precompiledMatcher(BUNDLED.tables)) },
    settings: null,
    page: null,
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
    const matcher = bundledOn && state.imported.length === 0 ? () => precompiledMatcher(BUNDLED.tables) : () => compileMatcher(inputs());
    state.compiled = { key, matcher: lazyMatcher(matcher) };
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
    state.page = { marked: markPage(matcher, settings!, { onCounts: (counts) => host.report(counts), guardPage: true }), matcher };
  };

  onImportedMatchDataChanged((next) => {
    state.imported = next;
    state.importedVersion++;
    if (state.settings) apply(state.settings);
  });

  return {
    apply,
    get pageRead() {
      return state.page?.marked.annotator.pageRead ?? false;
    },
    show(entity, index) {
      const page = state.page;
      if (!page) return false;
      const ranges = page.marked.annotator.mentionsOf(entity);
      const range = ranges[index % Math.max(ranges.length, 1)];
      if (!range) return false;
      const element = range.startContainer.parentElement;
      // Smooth scrolling is for a reader who watches: not under reduced motion, and not in a hidden
      // tab, where Firefox does not advance it.
      const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches && document.visibilityState === 'visible';
      element?.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
      const live = liveRange(range);
      setTimeout(() => state.page?.marked.card.open(live, false), smooth ? 600 : 0); // once the scroll has settled
      return true;
    },
  };
}

/** The bundled pack's match data, parsed only to be compiled with imported packs. */
const bundledMatchData = (): MatchData => expandMatchData(JSON.parse(BUNDLED.matchData) as CompactMatchData);
