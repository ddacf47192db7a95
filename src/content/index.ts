import { parseContentMessage, type ContentMessage, type FrameEntitiesMessage, type GetTopSiteMessage, type LoadEngineMessage, MAX_FRAME_TEXT, type ReplyTo, type StyleHighlightsMessage } from '../messages';
import { HIGHLIGHT_KEYS, HIGHLIGHT_SCOPE } from '../settings/mark-styles';
import { isSiteDisabled, type Settings } from '../settings/settings';
import { loadSettings, onSettingsChanged } from '../settings/storage';
import { ask, ext, onMessage } from '../ext';
import type { Engine, EngineChunk } from './engine';
import { askEngineInputs, type EngineInputs } from './engine-inputs';
import { sliceDeadline, yieldToPage } from './scheduler';
import { frameSites } from './frame-site';
import { pageHighlightNames } from './highlight-names';
import { randomLetters } from './random-name';
import { frameBlocks, mayBringText, mayHoldText } from './text-collector';

// Content script entry, run in every page and frame: a loader. The top frame reads the settings and
// its site at once; a frame within the page only once it has text (begin). Only where Hashiya is on
// and there is text to read, once the page has parsed, does it start the engine (engine.ts: the matcher, the annotator, the card controller; engine.js, which
// the background injects into the frame when asked, or in Firefox's top frame the manifest runs
// before DOMContentLoaded, build.mjs engineOptions), which reads
// the frame's text, marks the story's names, and reports through report() below. It changes none of
// the page's own nodes: all the engine adds is the card's host element (card-host.ts) and the
// highlight rules adopted by open shadow roots (highlights.ts). Switched off (globally or for this
// site) it keeps no page listener and no highlight: only the settings listener that can switch it
// on again.

/** Everything the content script keeps, in one place. */
const state: {
  /** The settings last applied. */
  settings: Settings | null;
  /** The sites that switch Hashiya off here when the reader has switched them off (frame-site.ts). */
  sites: readonly string[];
  /** The counts last reported, kept to tell them again when the page is shown again. */
  reported: Record<string, number>;
  /** The engine, once asked for (it is never asked for in a frame with no text). */
  engine: Promise<Engine> | null;
  /** The engine once it has loaded. */
  loaded: Engine | null;
  /** What the engine reads as it starts, once asked for (engine-inputs.ts). */
  inputs: EngineInputs | null;
  /** The page has parsed (the browser's DOMContentLoaded has come): the engine may load. */
  parsed: boolean;
  /** The DOM is complete and the page's own DOMContentLoaded listeners have run: the engine may read. */
  ready: boolean;
  /** Whether the settings have been asked for (begin). */
  begun: boolean;
  /** Watches a frame with no text yet for its first (null when not watching). */
  watcher: MutationObserver | null;
} = {
  settings: null,
  sites: [],
  reported: {},
  engine: null,
  loaded: null,
  inputs: null,
  parsed: document.readyState !== 'loading',
  ready: false,
  begun: false,
  watcher: null,
};

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
  if (!isOn(settings, state.sites)) {
    state.watcher?.disconnect();
    state.watcher = null;
    // What the top frame asked for its engine, which will not start now (begin).
    if (!state.engine && state.inputs) {
      state.inputs.changedSince(); // ends its watch
      state.inputs = null;
    }
    state.loaded?.apply(null);
    return;
  }
  // Chromium's top frame asks for the marks' rules as soon as it knows it is on (see below).
  if (HIGHLIGHT_SCOPE && window === window.top) styleHighlights();
  if (state.engine) sync();
  // Nothing more while the page parses: the engine's evaluation would be a task between two of
  // the parser's, and DOMContentLoaded would come that much later (130 ms on cnn-arabic-syria in
  // Chromium). It is loaded when the browser's DOMContentLoaded comes (below).
  else if (!state.parsed) return;
  else if (mayHoldText(document)) void loadEngine();
  else if (!state.watcher) watchForText();
}

/** Gives the loaded engine the settings in force, once the DOM is complete. */
function sync(): void {
  const { loaded, settings } = state;
  if (!loaded || !state.ready || !settings) return;
  loaded.apply(isOn(settings, state.sites) ? settings : null);
}

/** Starts the engine, once (one that failed to start is started again at the next change of settings). */
function loadEngine(): Promise<Engine> {
  state.watcher?.disconnect();
  state.watcher = null;
  if (state.engine) return state.engine;
  // What the engine reads as it starts is asked for now by the top frame, if it has not already
  // (begin), so that it comes while the engine is injected; by a frame within the page (an
  // advertisement, most likely) only once it is sure to get the engine.
  if (window === window.top) state.inputs ??= askEngineInputs();
  // engine.js leaves its exports in a global of this world (which no page script can see or set).
  // In Firefox's top frame the manifest has already run it, before DOMContentLoaded (its
  // document_end; build.mjs engineOptions). Elsewhere the background injects it into this frame,
  // in this world, when asked; its first run is a task of its own, not the one that found the text.
  // The frame sends its text, block by block (unless there is much of it), and the background
  // injects the engine only if it would mark a name there: most pages and frames hold none
  // (messages.ts LoadEngineMessage). Text that comes meanwhile is looked at again (below).
  let textMeanwhile = false;
  const meanwhile = engineChunk()
    ? null
    : new MutationObserver((records) => {
        if (!bringsText(records)) return;
        textMeanwhile = true;
        meanwhile!.disconnect();
      });
  meanwhile?.observe(document, { childList: true, subtree: true, characterData: true });
  const injection = engineChunk()
    ? Promise.resolve(true)
    : frameBlocks(document, MAX_FRAME_TEXT, sliceDeadline, yieldToPage).then((blocks) => {
        if (blocks !== null) askedAt = performance.now();
        else state.inputs ??= askEngineInputs();
        return ask({ type: 'load-engine', ...(blocks === null ? {} : { blocks }) } satisfies LoadEngineMessage);
      });
  state.engine = injection
    .then((injected) => {
      meanwhile?.disconnect();
      if (injected === 'no-names') throw NO_NAMES;
      const chunk = injected ? engineChunk() : undefined;
      if (!chunk) throw new Error('Hashiya: the engine was not loaded');
      return chunk.startEngine({ names: pageHighlightNames(), report, inputs: (state.inputs ??= askEngineInputs()) });
    })
    .then((engine) => {
      state.loaded = engine;
      sync();
      return engine;
    });
  // An engine that failed to start asks for its inputs again when it is started again. A frame
  // with no name in its text waits for more text, and asks again then (at once if some came while
  // it asked).
  state.engine.catch((error) => {
    meanwhile?.disconnect();
    // What was asked for it goes too: its watch of the imported packs held the answer (the tables'
    // 45 KB) for as long as the page stayed open.
    state.inputs?.changedSince();
    state.engine = state.inputs = null;
    if (error !== NO_NAMES || state.watcher) return;
    if (textMeanwhile) textCame();
    else watchForText();
  });
  return state.engine;
}

/** The background's answer to a frame whose text holds no name: no engine, and no error. */
const NO_NAMES = new Error('Hashiya: no name to mark in this frame');

/** Where engine.js leaves its exports (build.mjs engineOptions' globalName). */
const ENGINE_GLOBAL = 'hashiyaEngine';

/** engine.js's exports, once it has run in this world. */
const engineChunk = () => (Object.hasOwn(globalThis, ENGINE_GLOBAL) ? (globalThis as { [ENGINE_GLOBAL]?: EngineChunk })[ENGINE_GLOBAL] : undefined);

/**
 * Waits for the frame's first text to read (a page that builds its text with script, an ad frame
 * filled later), then starts Hashiya there (begin), or loads the engine if it has started. Until
 * then a frame costs a look at what is added.
 */
function watchForText(): void {
  state.watcher = new MutationObserver((records) => {
    if (bringsText(records)) textCame();
  });
  state.watcher.observe(document, { childList: true, subtree: true, characterData: true });
}

/** Whether some of `records` add text to read, or change some. */
const bringsText = (records: readonly MutationRecord[]) =>
  records.some((record) => (record.type === 'characterData' ? mayBringText(record.target) : [...record.addedNodes].some(mayBringText)));

function textCame(): void {
  state.watcher?.disconnect();
  state.watcher = null;
  if (!state.begun) return begin();
  // A frame whose text held no name asks again at most once a second (a ticker, a clock).
  const wait = askedAt + 1000 - performance.now();
  if (wait > 0) {
    setTimeout(() => {
      if (!state.watcher && !state.engine) void loadEngine();
    }, wait);
  } else void loadEngine();
}

/** When this frame last sent its text to the background (loadEngine). */
let askedAt = -Infinity;

/**
 * Reads the settings and the frame's sites, then applies them, and follows their changes: once.
 * The top frame does so at once. A frame within it does so only once it has text (whenParsed):
 * most frames are ads with none, and each call into the extension API is a first one there (the
 * browser makes its bindings), 2-3 ms a frame, on nytimes-1 fifteen times over while the page
 * parses.
 */
function begin(): void {
  if (state.begun) return;
  state.begun = true;
  onMessage(answer);
  // Firefox's top frame asks at once, with its settings, for what its engine will read as it
  // starts (engine-inputs.ts): its engine runs before DOMContentLoaded (the manifest's), and the
  // answer has time to come while the page parses. Dropped if Hashiya is off here (apply).
  // Chromium's asks together with the engine's injection (loadEngine), a round trip it waits for
  // anyway: asked at once, the 46 KB answer was decoded on every page, those with no text too
  // (a blank page: +45.5 ms and +0.37 MB against +18.6 ms and +0.32 MB without, in one load bench).
  if (window === window.top && __BROWSER__ === 'firefox') state.inputs = askEngineInputs();
  const sites = frameSites(window === window.top, location.hostname, self.origin, () => ask({ type: 'get-top-site' } satisfies GetTopSiteMessage));
  void Promise.all([loadSettings(), sites]).then(([settings, frameSiteList]) => {
    state.sites = frameSiteList;
    apply(settings);
    onSettingsChanged(apply);
  });
}

/** Once the page has parsed: a frame within the page starts if it has text, or waits for some. */
function whenParsed(): void {
  if (state.begun) return;
  if (mayHoldText(document)) begin();
  else if (!state.watcher) watchForText();
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

/** Answers the background and the popup (listened to from begin: a frame that has not begun holds nothing to ask about). */
function answer(raw: unknown): Promise<ReplyTo<ContentMessage>> | undefined {
  const message = parseContentMessage(raw);
  // Read, drawn, and styled (when the rules have been asked for). A frame with no text, where
  // Hashiya is on, is read once its DOM is complete.
  if (message?.type === 'get-page-read') {
    const on = state.settings !== null && isOn(state.settings, state.sites);
    return Promise.resolve(on && state.ready && (state.loaded ? state.loaded.pageRead : !state.engine) && styled !== 'asked');
  }
  if (message?.type === 'get-highlight-names') {
    const names = pageHighlightNames();
    return Promise.resolve(Object.fromEntries(HIGHLIGHT_KEYS.map((key) => [key, names.of(key)])));
  }
  if (!message) return undefined;
  // A frame with no engine (nothing to read, or Hashiya off) has no mention to show.
  if (message.type === 'step-mention') return Promise.resolve(state.loaded?.step(message.direction, message.fromEdge) ?? false);
  if (message.type === 'close-card') return Promise.resolve(state.loaded?.closeCard());
  if (!state.loaded) return undefined;
  return Promise.resolve(state.loaded.show(message.entity, message.index));
}

/**
 * How long the page's own DOMContentLoaded listeners may take for the read to start in the same
 * task: with the first slice (scheduler.ts FIRST_SLICE_MS, 40 ms by its deadlines) still under 50 ms.
 */
const PAGE_LISTENERS_MS = 5;

// Injected at document_start: the top frame's settings load while the page is still parsing, and
// the first read starts once the DOM is complete (DOMContentLoaded). Waiting for document_idle
// instead costs hundreds of milliseconds on a large page. The engine is loaded when the page has
// parsed and the frame has text (apply), and its matcher decoded at the first read, so that the
// page's parsing never waits for them, nor a frame with no text pays for them.
const domReady =
  document.readyState === 'loading'
    ? new Promise<void>((ready) => {
        // The browser's own event: a page script's fake one must not start the read early.
        const onReady = (event: Event) => {
          if (!event.isTrusted) return;
          document.removeEventListener('DOMContentLoaded', onReady);
          // The engine is asked for now, so that the background injects it while the page's own
          // listeners run and the frame is drawn; it reads once they have (ready).
          state.parsed = true;
          if (state.settings) apply(state.settings);
          else whenParsed();
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
          // Where the engine is here already (Firefox's top frame, engine.js from the manifest), it
          // reads as the event ends instead: the window hears the event after the document, and a
          // listener added to it now comes after all the page's own. The page's tasks that came
          // before the next one (subframes, images) held the first marks back 5-65 ms on yahoo-2.
          // Not when the page's listeners took long: the first slice would make one long task of
          // theirs. The next task and frame stay the way in, should the page stop the event.
          const heard = performance.now(); // the page's listeners come next
          if (engineChunk()) addEventListener('DOMContentLoaded', (late) => late.isTrusted && performance.now() - heard < PAGE_LISTENERS_MS && start(), { once: true });
        };
        document.addEventListener('DOMContentLoaded', onReady);
      })
    : Promise.resolve();
// Rules added once a page is laid out restyle all of it (on the stress page, 500-1 200 ms in one
// task; 20-30 ms on wikipedia-2, which has no name of the story). In Chromium, where they hang on
// the root and cost the page's style nothing (mark-styles.ts HIGHLIGHT_SCOPE), the top frame asks
// for them as soon as it knows it is on (apply), while the page is still parsing: asked for after
// DOMContentLoaded, they came back from the background after the first layout. So the top frame
// reads the settings at once; the engine loads once the page has parsed, and reads after that.
if (window === window.top) begin();
else if (state.parsed) whenParsed();
void domReady.then(() => {
  state.ready = true;
  // Text the watcher cannot see: a shadow root attached while the page parsed.
  if (state.watcher && mayHoldText(document)) textCame();
  sync();
});
