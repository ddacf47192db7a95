import matchData from 'hashiya:match-data';
import type { MatchData } from '../data/match-data';
import { compileMatcher, type Matcher } from '../match/matcher';
import { parseContentMessage, type FrameEntitiesMessage } from '../messages';
import { loadImportedMatchData, onImportedMatchDataChanged } from '../settings/match-store';
import { BUNDLED_PACK_ID, isSiteDisabled, type Settings } from '../settings/settings';
import { loadSettings, onSettingsChanged } from '../settings/storage';
import { Annotator } from './annotator';
import { liveRange } from './hit-test';
import { trackPointer } from './pointer';
import { CardController } from './card-controller';
import { ext, onMessage } from './extension-api';

// Content script entry: reads the frame's text, marks the story's names, and tells the background
// what it found. It changes none of the page's own nodes: all it adds is the card's host element
// (card-host.ts) and the highlight rules adopted by open shadow roots (highlights.ts). Switched off
// (globally or for this site) it keeps no page listener and no highlight: only the settings
// listener that can switch it on again.

// The matcher compiles the enabled packs: the bundled one's names are built in, the imported ones'
// come ready from storage (see match-store.ts). It is compiled again only when that set changes.
let imported: readonly MatchData[] = [];
let importedVersion = 0; // bumped whenever the stored match data changes
// The usual case (the bundled pack alone) compiles at once, while the page is still parsing.
let compiled = { key: 'true 0', matcher: compileMatcher(matchData) };
function matcherFor(settings: Settings): Matcher {
  const bundledOn = settings.enabledPacks.includes(BUNDLED_PACK_ID);
  const key = `${bundledOn} ${importedVersion}`;
  if (compiled.key !== key) compiled = { key, matcher: compileMatcher(bundledOn ? [matchData, ...imported] : imported) };
  return compiled.matcher;
}
let running: Matcher | null = null; // the matcher the annotator was built with
let annotator: Annotator | null = null;
let detach: (() => void) | null = null;
let card: CardController | null = null;
let reported: Record<string, number> = {};

function report(counts: Record<string, number>): void {
  reported = counts; // kept to answer a restarted background's report-again
  const message: FrameEntitiesMessage = { type: 'frame-entities', counts };
  void ext.runtime.sendMessage(message).catch(() => undefined); // the background may be restarting
}

/** Pointer and page listeners, attached only while Hashiya runs. */
function listen(active: Annotator, card: CardController): () => void {
  const stopPointer = trackPointer((x, y) => {
    active.ensureRegistered();
    const hit = active.hitTest(x, y);
    active.showFocus(hit);
    card.pointer(hit, x, y);
  });
  const onRestore = () => active.ensureRegistered();
  const onNavigate = () => void active.readAll();
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  window.addEventListener('scroll', onRestore, { passive: true, capture: true });
  document.addEventListener('visibilitychange', onRestore);
  window.addEventListener('popstate', onNavigate);
  navigation?.addEventListener('navigatesuccess', onNavigate);
  const stopCard = card.listen();
  return () => {
    stopCard();
    stopPointer();
    window.removeEventListener('scroll', onRestore, { capture: true });
    document.removeEventListener('visibilitychange', onRestore);
    window.removeEventListener('popstate', onNavigate);
    navigation?.removeEventListener('navigatesuccess', onNavigate);
  };
}

let current: Settings | null = null;
function apply(settings: Settings): void {
  current = settings;
  const wanted = settings.enabled && !isSiteDisabled(settings, location.hostname);
  const matcher = wanted ? matcherFor(settings) : null;
  if (!matcher || (annotator && running !== matcher)) {
    detach?.();
    detach = null;
    annotator?.stop();
    annotator = null;
    card = null;
    report({});
    if (!matcher) return;
  }
  if (annotator) {
    annotator.update(settings);
    card?.update(settings);
    return;
  }
  running = matcher;
  annotator = new Annotator(matcher, settings, report);
  card = new CardController(annotator, settings);
  detach = listen(annotator, card);
  void annotator.readAll();
}

onMessage((raw) => {
  const message = parseContentMessage(raw);
  if (message?.type === 'report-again') {
    report(reported);
    return undefined;
  }
  if (!message || !annotator) return undefined;
  const ranges = annotator.mentionsOf(message.entity);
  const range = ranges[message.index % Math.max(ranges.length, 1)];
  if (!range) return Promise.resolve(false);
  const element = range.startContainer.parentElement;
  // Smooth scrolling is for a reader who watches: not under reduced motion, and not in a hidden
  // tab, where Firefox does not advance it.
  const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches && document.visibilityState === 'visible';
  element?.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
  const live = liveRange(range);
  setTimeout(() => card?.open(live, false), smooth ? 600 : 0); // once the scroll has settled
  return Promise.resolve(true);
});

// Injected at document_start: the matcher compiles and the settings load while the page is still
// parsing, and the first read starts the moment the DOM is complete (DOMContentLoaded). Waiting
// for document_idle instead costs hundreds of milliseconds on a large page.
const domReady =
  document.readyState === 'loading'
    ? new Promise<void>((ready) => document.addEventListener('DOMContentLoaded', () => ready(), { once: true }))
    : Promise.resolve();
void Promise.all([loadSettings(), loadImportedMatchData(), domReady]).then(([settings, data]) => {
  imported = data;
  apply(settings);
  onSettingsChanged(apply);
  onImportedMatchDataChanged((next) => {
    imported = next;
    importedVersion++;
    if (current) apply(current);
  });
});
