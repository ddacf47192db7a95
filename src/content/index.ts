import BUNDLED from 'hashiya:bundled-matcher';
import { expandMatchData, type CompactMatchData, type MatchData } from '../data/match-data';
import { compileMatcher, lazyMatcher, precompiledMatcher, type PageMatcher } from '../match/matcher';
import { parseContentMessage, type FrameEntitiesMessage, type GetTopSiteMessage, type StyleHighlightsMessage } from '../messages';
import { HIGHLIGHT_KEYS, HIGHLIGHT_SCOPE } from '../settings/mark-styles';
import { loadImportedMatchData, onImportedMatchDataChanged } from '../settings/match-store';
import { BUNDLED_PACK_ID, isSiteDisabled, type Settings } from '../settings/settings';
import { loadSettings, onSettingsChanged } from '../settings/storage';
import { ask, ext, onMessage } from '../ext';
import { frameSites } from './frame-site';
import { pageHighlightNames } from './highlight-names';
import { randomLetters } from './random-name';
import { liveRange } from './hit-test';
import { markPage, type MarkedPage } from './mark-page';

// Content script entry: reads the frame's text, marks the story's names, and tells the background
// what it found. It changes none of the page's own nodes: all it adds is the card's host element
// (card-host.ts) and the highlight rules adopted by open shadow roots (highlights.ts). Switched off
// (globally or for this site) it keeps no page listener and no highlight: only the settings
// listener that can switch it on again.

/** Everything the content script keeps, in one place. */
const state: {
  /** The enabled imported packs' match data, from storage (see match-store.ts). */
  imported: readonly MatchData[];
  /** Bumped whenever the stored match data changes. */
  importedVersion: number;
  /** The matcher of the enabled packs, and which set of them it was compiled for. */
  compiled: { readonly key: string; readonly matcher: PageMatcher };
  /** The settings last applied. */
  settings: Settings | null;
  /** The page being marked (null while Hashiya is off here), and the matcher it runs. */
  page: { readonly marked: MarkedPage; readonly matcher: PageMatcher } | null;
  /** The counts last reported, kept to tell them again when the page is shown again. */
  reported: Record<string, number>;
  /** The sites that switch Hashiya off here when the reader has switched them off (frame-site.ts). */
  sites: readonly string[];
} = {
  imported: [],
  importedVersion: 0,
  // Decoded when the page first has text to read (lazyMatcher), not while the page waits to parse.
  compiled: { key: 'true 0', matcher: lazyMatcher(() => precompiledMatcher(BUNDLED.tables)) },
  settings: null,
  page: null,
  reported: {},
  sites: [],
};

// The matcher of the enabled packs. The bundled pack alone (the usual case) was compiled at build
// time; with imported packs (whose names come ready from storage, see match-store.ts) the page
// compiles them, with the bundled pack's names when it is on, again only when that set changes.
function matcherFor(settings: Settings): PageMatcher {
  const bundledOn = settings.enabledPacks.includes(BUNDLED_PACK_ID);
  const key = `${bundledOn} ${state.importedVersion}`;
  if (state.compiled.key === key) return state.compiled.matcher;
  const inputs = () => (bundledOn ? [bundledMatchData(), ...state.imported] : state.imported);
  const matcher = bundledOn && state.imported.length === 0 ? () => precompiledMatcher(BUNDLED.tables) : () => compileMatcher(inputs());
  state.compiled = { key, matcher: lazyMatcher(matcher) };
  return state.compiled.matcher;
}

/** The bundled pack's match data, parsed only to be compiled with imported packs. */
const bundledMatchData = (): MatchData => expandMatchData(JSON.parse(BUNDLED.matchData) as CompactMatchData);

/**
 * Tells the background what this frame holds now. A frame that has found nothing says nothing: an
 * empty report goes only to clear an earlier one.
 */
function report(counts: Record<string, number>): void {
  const had = holdsAny();
  state.reported = counts;
  if (had || holdsAny()) send(counts);
  // Elsewhere the marks' rules come with the first marks: a page with no name of the story is
  // never restyled (apply: Chromium's top frame asks for them at start).
  if (holdsAny()) styleHighlights();
}

/** Whether this frame's last report holds anything. */
const holdsAny = () => Object.keys(state.reported).length > 0;

/** This document's token in its reports (messages.ts DOCUMENT_TOKEN). */
let documentToken: string | undefined;
// Made at the first report, not at start: a frame that finds nothing (most ad frames) never
// reports, and the first call into crypto costs a frame 1-3 ms (a profile of twenty ad frames).
const documentTokenOf = () => (documentToken ??= randomLetters(16));

function send(counts: Record<string, number>): void {
  // A prerendered page has no tab yet (the background would drop the report): it tells what it
  // holds when it is shown (prerenderingchange, below).
  if ((document as { prerendering?: boolean }).prerendering) return;
  const message: FrameEntitiesMessage = { type: 'frame-entities', document: documentTokenOf(), counts };
  void ext.runtime.sendMessage(message).catch(() => undefined); // the background may be restarting
}

// The page's life, as the browser tells it: a page left (closed, navigated away, a frame removed,
// or put in the back/forward cache) takes its counts with it; a page shown again from that cache,
// or a prerendered page shown, tells them again. Nothing is said for a frame that found nothing.
addEventListener('pagehide', (event) => {
  if (event.isTrusted && holdsAny()) send({});
});
addEventListener('pageshow', (event) => {
  if (event.isTrusted && event.persisted && holdsAny()) send(state.reported);
});
document.addEventListener('prerenderingchange', (event) => {
  if (event.isTrusted && holdsAny()) send(state.reported);
});

/** Whether Hashiya reads a frame of `sites` (its own and its top frame's) under `settings`. */
const isOn = (settings: Settings, sites: readonly string[]) => settings.enabled && !sites.some((site) => isSiteDisabled(settings, site));

function apply(settings: Settings): void {
  state.settings = settings;
  const wanted = isOn(settings, state.sites);
  const matcher = wanted ? matcherFor(settings) : null;
  if (!matcher || (state.page && state.page.matcher !== matcher)) {
    state.page?.marked.stop();
    state.page = null;
    report({});
    if (!matcher) return;
  }
  if (state.page) {
    state.page.marked.update(settings);
    return;
  }
  state.page = { marked: markPage(matcher, settings, { onCounts: report, guardPage: true }), matcher };
}

/**
 * Has the background add this document's ::highlight() rules, once, as an extension stylesheet,
 * which the page can neither read nor list. Where it cannot (a frame it may not reach), the rules
 * are adopted by the document: the page could read those, under names that are still its own.
 */
let styled: 'no' | 'asked' | 'yes' = 'no';
function styleHighlights(): void {
  if (styled !== 'no') return;
  styled = 'asked';
  const names = pageHighlightNames();
  const adopt = () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(names.css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  };
  ask({ type: 'style-highlights', names: names.list } satisfies StyleHighlightsMessage)
    .then((added) => added || adopt(), adopt)
    .finally(() => (styled = 'yes'));
}

onMessage((raw) => {
  const message = parseContentMessage(raw);
  // Read, drawn, and styled (when the rules have been asked for).
  if (message?.type === 'get-page-read') return Promise.resolve((state.page?.marked.annotator.pageRead ?? false) && styled !== 'asked');
  if (message?.type === 'get-highlight-names') {
    const names = pageHighlightNames();
    return Promise.resolve(Object.fromEntries(HIGHLIGHT_KEYS.map((key) => [key, names.of(key)])));
  }
  if (!message || !state.page) return undefined;
  const ranges = state.page.marked.annotator.mentionsOf(message.entity);
  const range = ranges[message.index % Math.max(ranges.length, 1)];
  if (!range) return Promise.resolve(false);
  const element = range.startContainer.parentElement;
  // Smooth scrolling is for a reader who watches: not under reduced motion, and not in a hidden
  // tab, where Firefox does not advance it.
  const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches && document.visibilityState === 'visible';
  element?.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
  const live = liveRange(range);
  setTimeout(() => state.page?.marked.card.open(live, false), smooth ? 600 : 0); // once the scroll has settled
  return Promise.resolve(true);
});

// Injected at document_start: the settings load while the page is still parsing, and the first
// read starts once the DOM is complete (DOMContentLoaded). Waiting for document_idle instead
// costs hundreds of milliseconds on a large page. The matcher is decoded at the first text to
// read, so that the page's parsing never waits for it, nor a frame with no text pays for it.
const domReady =
  document.readyState === 'loading'
    ? new Promise<void>((ready) => {
        // The browser's own event: a page script's fake one must not start the read early.
        const onReady = (event: Event) => {
          if (!event.isTrusted) return;
          document.removeEventListener('DOMContentLoaded', onReady);
          // Not here: resolved in this listener, the read would start in its microtasks, before
          // the page's own DOMContentLoaded listeners, and hold them back. In the next task, or at
          // the next frame if that comes first: where a frame is due, Chromium lays the page out
          // before any task (380 ms on the stress page), and a frame's callbacks run before that
          // layout, so the first marks are painted with it. Firefox runs the task first; a hidden
          // or prerendered page has no frames.
          let started = false;
          const start = () => {
            if (started) return;
            started = true;
            ready();
          };
          requestAnimationFrame(start);
          setTimeout(start, 0);
        };
        document.addEventListener('DOMContentLoaded', onReady);
      })
    : Promise.resolve();
const settingsLoaded = loadSettings();
const sites = frameSites(window === window.top, location.hostname, self.origin, () => ask({ type: 'get-top-site' } satisfies GetTopSiteMessage));
// Rules added once a page is laid out restyle all of it (on the stress page, 500-1 200 ms in one
// task; 20-30 ms on wikipedia-2, which has no name of the story). In Chromium, where they hang on
// the root and cost the page's style nothing (mark-styles.ts HIGHLIGHT_SCOPE), the top frame asks
// for them as soon as it knows it is on, while the page is still parsing: asked for after
// DOMContentLoaded, they came back from the background after the first layout.
if (HIGHLIGHT_SCOPE && window === window.top) {
  void Promise.all([settingsLoaded, sites]).then(([settings, frameSiteList]) => {
    if (isOn(settings, frameSiteList)) styleHighlights();
  });
}
void Promise.all([settingsLoaded, loadImportedMatchData(), sites, domReady]).then(([settings, data, frameSiteList]) => {
  state.sites = frameSiteList;
  state.imported = data;
  apply(settings);
  onSettingsChanged(apply);
  onImportedMatchDataChanged((next) => {
    state.imported = next;
    state.importedVersion++;
    if (state.settings) apply(state.settings);
  });
});
