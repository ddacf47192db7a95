// Runs inside a real page for the browser benchmark (injected by page-bench.ts): Hashiya's
// annotation with exactly the content script's code, the floor (a bare TreeWalker pass reading
// every text node), one highlight of one letter (what drawing any highlight costs) and mark.js
// with the same names, each measured on the page's main thread.
import matchData from 'hashiya:match-data';
import Mark from 'mark.js';
import { Annotator } from '../../src/content/annotator';
import { pageHighlightNames } from '../../src/content/highlight-names';
import { styleKey } from '../../src/settings/mark-styles';
import { compileMatcher } from '../../src/match/matcher';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';

interface Sample {
  /** Wall-clock time from start to the last mark. */
  readonly wallMs: number;
  /** Tasks of 50 ms or more seen meanwhile (the Long Tasks API), longest first. */
  readonly longTasksMs: readonly number[];
  readonly marks: number;
}

/** Runs `work`, recording long tasks; main-thread busy time is read by the driver over CDP. */
async function measure(work: () => number | Promise<number>): Promise<Sample> {
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
  observer.observe({ type: 'longtask' });
  const start = performance.now();
  const marks = await work();
  const wallMs = performance.now() - start;
  // Long-task entries are delivered after the task ends: give them a turn to arrive.
  await new Promise((ok) => setTimeout(ok, 50));
  observer.disconnect();
  return { wallMs, longTasksMs: longTasks.sort((a, b) => b - a), marks };
}

/** Reads every text node once and nothing else: the least any annotator must do. */
function floor(): Promise<Sample> {
  return measure(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let chars = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += (node as Text).data.length;
    return chars;
  });
}

/**
 * The least any marker built on the CSS Custom Highlight API causes: one highlight holding one
 * range (the first letter of the page's text) — Chromium repaints the whole document for it.
 */
function oneHighlight(): Promise<Sample> {
  return measure(async () => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode() as Text | null;
    while (node && node.data.trim() === '') node = walker.nextNode() as Text | null;
    if (!node) return 0;
    const range = new StaticRange({ startContainer: node, startOffset: 0, endContainer: node, endOffset: 1 });
    CSS.highlights.set(pageHighlightNames().of(styleKey('dotted', 'teal')), new Highlight(range)); // a styled one
    await new Promise((ok) => requestAnimationFrame(ok));
    return 1;
  });
}

/** Hashiya's full read of the page with the content script's own code, time-sliced as there. */
function hashiya(): Promise<Sample> {
  return measure(async () => {
    let marks = 0;
    const annotator = new Annotator(compileMatcher(matchData), DEFAULT_SETTINGS, (counts) => {
      marks = Object.values(counts).reduce((a, b) => a + b, 0);
    });
    await annotator.readAll();
    return marks;
  });
}

/** mark.js with one combined expression of every name (its fastest use: one walk of the page). */
function markJs(): Promise<Sample> {
  const names = matchData.entities.flatMap((e) => e.names.map((n) => n.text));
  const escaped = names.sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return measure(() => {
    let marks = 0;
    new Mark(document.body).markRegExp(pattern, { each: () => void marks++ });
    return marks;
  });
}

/** mark.js as sites use it: the list of names, one keyword at a time (its default options). */
function markJsKeywords(): Promise<Sample> {
  const names = matchData.entities.flatMap((e) => e.names.map((n) => n.text));
  return measure(() => {
    let marks = 0;
    new Mark(document.body).mark(names, { separateWordSearch: false, each: () => void marks++ });
    return marks;
  });
}

/** What the background does for the content script: add the ::highlight() rules of the page's names. */
function addHighlightCss(): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(pageHighlightNames().css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

Object.assign(window, { hashiyaBench: { floor, oneHighlight, hashiya, markJs, markJsKeywords, addHighlightCss } });
