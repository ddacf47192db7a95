// The page-load benchmark (issue #17): what an extension costs a page load, the whole of it —
// script, style, layout and paint — measured side by side in one run against two baseline
// extensions that this benchmark writes into a temporary folder from the bundled pack's names:
//   floor    a content script (document_end) that walks every text node of the page and reads
//            every character, and draws nothing: the least any annotator must do
//   naive    a content script (document_end) with one combined RegExp of every name, a StaticRange
//            per match in one Highlight, styled by a ::highlight() rule in an injected <style>
//            (a baseline may touch the page; Hashiya may not)
//   empty    an empty content script injected as Hashiya's is (document_start, every frame,
//            about:blank and srcdoc frames too): what the browser charges any such extension, for
//            its isolated world in each frame, before a line of it runs (cold start-up only; in
//            Firefox the frames pages only)
// and Hashiya itself (dist/chrome, dist/firefox), each against the same page with no extension.
//
// Chromium (playwright-core, a persistent context per variant, every load in a fresh tab):
//   - the main-thread time each extension adds to a page load: CDP Performance.getMetrics'
//     TaskDuration (read from the page's own target, enabled before the navigation) once the page
//     has loaded and the highlights and the main thread hold still, minus the same with no
//     extension, best of RUNS fresh loads;
//   - the longest task (a 'longtask' PerformanceObserver added before the page's first script by
//     CDP, which a page's CSP does not stop; it sees every task of the page's main thread, content
//     scripts' included) and the JavaScript heap after a collection (Runtime.getHeapUsage: the
//     whole isolate, the content scripts' isolated worlds included), and the memory its
//     ArrayBuffers hold outside it (backingStorageSize: the typed arrays of the decoded tables);
//   - on loads of their own, with a probe at the top of the page: DOMContentLoaded, and the time
//     from it to the first highlights (a timer chain reading CSS.highlights);
//   - the cold start-up of the content script: the TaskDuration Hashiya adds to a blank page, to a
//     page of one sentence with a name, and to a page with twenty small same-origin srcdoc frames
//     (per frame), and the heap it adds there.
// Firefox (puppeteer-core through the test harness; no TaskDuration there): the same pages, with
// no extension, naive and Hashiya (the floor left out for time), with the probe in a mode that keeps one MessageChannel message always waiting (as shape-bench.ts does):
// the longest gap between two of its messages is the longest task the page saw, the sum of gaps of
// 2 ms or more the main-thread time others took; plus DCL, DCL → first highlights, load →
// highlights done. The probe gets into the corpus pages by a copy of each with a CSP <meta> that
// lets only the probe's nonce run (as the corpus route's `script-src 'none'` lets nothing run).
//
//   node dist/bench/load-bench.mjs      (built by `node build.mjs`; `npm run bench` runs all)
//   LOAD_BENCH_RUNS=n, LOAD_BENCH_PAGES=a.html,b.html, LOAD_BENCH_BROWSERS=chromium|firefox
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import CHROMIUM_FLAGS from '../e2e/harness/chromium-flags.json';
import { DIST, EXECUTABLES, launchBrowser, type TestBrowser } from '../e2e/harness/browsers';
import { closeWelcomeTab } from '../e2e/harness/chromium';
import { CORPUS_DIR, PROJECT_ROOT as ROOT, startServer, type TestServer } from '../e2e/harness/server';
import { countText, stressPage } from './stress-page';

const RUNS = Number(process.env.LOAD_BENCH_RUNS ?? 3);
/** Loads per page and variant of the probe pages (DCL → first highlights; Firefox); one of the stress page. */
const PROBE_RUNS = Math.min(RUNS, 2);
const probeRuns = (page: BenchPage) => (page.name === STRESS ? 1 : PROBE_RUNS);
const COLD_RUNS = RUNS + 2;
/** The pages: the stress page and corpus pages (LOAD_BENCH_PAGES=stress,cnn-arabic-syria.html …). */
const PAGES = process.env.LOAD_BENCH_PAGES?.split(',') ?? ['stress', 'wikipedia-2.html', 'cnn-arabic-syria.html', 'yahoo-2.html', 'guardian-1.html'];
const BROWSERS = process.env.LOAD_BENCH_BROWSERS?.split(',') ?? ['chromium', 'firefox'];
const PACK = 'src/data/packs/sharaa-moscow-2025.json';
const STRESS = 'stress';

const VARIANTS = ['none', 'floor', 'naive', 'hashiya'] as const;
type Variant = (typeof VARIANTS)[number];

// ---------------------------------------------------------------------------------------------
// The baseline extensions

/** Every name of every entity of the bundled pack: canonical names and aliases, each once. */
async function packNames(): Promise<string[]> {
  const pack = JSON.parse(await readFile(join(ROOT, PACK), 'utf8')) as {
    entities: { name: { ar: string; en: string }; aliases: { text: string }[] }[];
  };
  return [...new Set(pack.entities.flatMap((e) => [e.name.ar, e.name.en, ...e.aliases.map((a) => a.text)]))];
}

const FLOOR_SCRIPT = `(() => {
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  let sum = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = node.data;
    for (let i = 0; i < data.length; i++) sum = (sum + data.charCodeAt(i)) | 0;
  }
  globalThis.__loadBenchFloor = sum;
})();
`;

function naiveScript(names: readonly string[]): string {
  const escaped = [...names].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const source = `(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`;
  return `(() => {
  const pattern = new RegExp(${JSON.stringify(source)}, 'giu');
  const highlight = new Highlight();
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentNode && node.parentNode.nodeName;
    if (parent === 'SCRIPT' || parent === 'STYLE' || parent === 'NOSCRIPT') continue;
    for (const m of node.data.matchAll(pattern)) {
      highlight.add(new StaticRange({ startContainer: node, startOffset: m.index, endContainer: node, endOffset: m.index + m[0].length }));
    }
  }
  const style = document.createElement('style');
  style.textContent = '::highlight(load-bench-naive) { text-decoration: underline dotted teal 2px; }';
  (document.head ?? document.documentElement).append(style);
  CSS.highlights.set('load-bench-naive', highlight);
})();
`;
}

/** Writes the floor and the naive highlighter as unpacked MV3 extensions (both browsers). */
async function writeBaselines(dir: string): Promise<Record<'floor' | 'naive' | 'empty', string>> {
  const names = await packNames();
  const out = { floor: join(dir, 'floor'), naive: join(dir, 'naive'), empty: join(dir, 'empty') };
  for (const [kind, script] of [
    ['floor', FLOOR_SCRIPT],
    ['naive', naiveScript(names)],
    ['empty', ''],
  ] as const) {
    await mkdir(out[kind], { recursive: true });
    const everyFrame = { run_at: 'document_start', all_frames: true, match_about_blank: true };
    const manifest = {
      manifest_version: 3,
      name: `load-bench ${kind}`,
      version: '1.0',
      host_permissions: ['http://*/*'],
      content_scripts: [{ matches: ['http://*/*'], js: ['content.js'], ...(kind === 'empty' ? everyFrame : { run_at: 'document_end' }) }],
      browser_specific_settings: { gecko: { id: `load-bench-${kind}@hashiya.example` } },
    };
    await writeFile(join(out[kind], 'manifest.json'), JSON.stringify(manifest, null, 2));
    await writeFile(join(out[kind], 'content.js'), script);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The pages

/**
 * The probe, the first script of a probe page. It notes DOMContentLoaded and load, and in a chain
 * of tasks (timers; with `?gap` one MessageChannel message always waiting) watches the total size
 * of CSS.highlights: when it first changes and when it last did. It stops 1.5 s after the later of
 * load and the last change (Hashiya draws what is left of a long read a second after its first
 * slice at the latest). With `?gap` it also records the longest gap between two of its tasks (the
 * longest task the page saw) and the sum of the gaps of 2 ms or more (the time others took).
 */
const PROBE = `(() => {
  const gap = new URLSearchParams(location.search).has('gap');
  const p = { dcl: -1, load: -1, first: -1, last: -1, marks: 0, longest: 0, gaps: [], done: false, timedOut: false };
  window.__probe = p;
  const count = () => { let n = 0; CSS.highlights.forEach((h) => { n += h.size; }); return n; };
  const channel = new MessageChannel();
  const next = gap ? () => channel.port2.postMessage(null) : () => setTimeout(tick, 0);
  let lastTick = performance.now();
  let lastCheck = -Infinity;
  function tick() {
    const now = performance.now();
    const g = now - lastTick;
    if (g > p.longest) p.longest = g;
    if (g >= 2 && p.gaps.length < 20000) p.gaps.push(g, now);
    lastTick = now;
    if (now - lastCheck >= 1) {
      lastCheck = now;
      const n = count();
      if (n !== p.marks) { if (p.first < 0) p.first = now; p.last = now; p.marks = n; }
      if (p.load >= 0 && now - Math.max(p.load, p.last) >= 1500) { p.done = true; return; }
      if (now > 90000) { p.done = p.timedOut = true; return; }
    }
    next();
  }
  channel.port1.onmessage = tick;
  document.addEventListener('DOMContentLoaded', () => { p.dcl = performance.now(); });
  addEventListener('load', () => { p.load = performance.now(); });
  next();
})();`;
const NONCE = 'load-bench-probe';

/**
 * `html` with the probe as its first script, and a CSP that lets nothing else run (the corpus
 * pages' own scripts stay off, as on the corpus route); `base` keeps their relative addresses.
 */
function withProbe(html: string, base: string | null): string {
  const head = `<meta http-equiv="Content-Security-Policy" content="script-src 'nonce-${NONCE}'">${base ? `<base href="${base}">` : ''}<script nonce="${NONCE}">${PROBE}</script>`;
  const at = /<head[^>]*>/i.exec(html);
  if (at) return html.slice(0, at.index + at[0].length) + head + html.slice(at.index + at[0].length);
  return `<!doctype html><html><head>${head}</head>${html.replace(/^<!doctype[^>]*>/i, '')}`;
}

/** Added before any script of the page over CDP (a page's CSP does not apply): its long tasks. */
const LONG_TASKS = `window.__longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask' });`;

const BLANK = '<!doctype html><html><head><meta charset="utf-8"><title>Blank</title></head><body></body></html>';
const ONE_NAME = '<!doctype html><html><head><meta charset="utf-8"><title>One name</title></head><body><p>Putin met al-Sharaa in Moscow.</p></body></html>';
const FRAMES = 20;
const FRAMES_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Frames</title></head><body>${Array.from(
  { length: FRAMES },
  (_, i) => `<iframe width="300" height="60" srcdoc="<!doctype html><meta charset=utf-8><p>Advertisement ${i}: garden chairs, half price this week only.</p>"></iframe>`,
).join('')}</body></html>`;
/** The same frames with no text, as most ad frames are (an image, a script): no engine loads there. */
const BLANK_FRAMES_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Frames</title></head><body>${Array.from(
  { length: FRAMES },
  (_, i) => `<iframe width="300" height="60" srcdoc="<!doctype html><meta charset=utf-8><img alt='' width=300 height=50 data-ad=${i}><script>void 0</script>"></iframe>`,
).join('')}</body></html>`;

/** The frames pages, measured in Firefox as pages (Chromium measures them as cold start-up). */
const FRAME_PAGES: readonly BenchPage[] = ['frames', 'blank-frames'].map((name) => ({ name, path: `/generated/${name}.html`, probePath: `/generated/probe/${name}.html` }));
const isFramesPage = (name: string) => FRAME_PAGES.some((page) => page.name === name);

interface BenchPage {
  /** Shown in the tables. */
  readonly name: string;
  /** The page as it is (corpus route, `script-src 'none'`), for the main-thread time. */
  readonly path: string;
  /** The same page with the probe, for the timings. */
  readonly probePath: string;
}

/** Puts the generated pages on `server`; returns the benchmark's pages. */
async function servePages(server: TestServer): Promise<BenchPage[]> {
  server.generated.set('stress.html', await stressPage({ probe: false }));
  server.generated.set('probe/stress.html', withProbe(await stressPage({ probe: false }), null));
  server.generated.set('blank.html', BLANK);
  server.generated.set('one-name.html', ONE_NAME);
  server.generated.set('frames.html', FRAMES_PAGE);
  server.generated.set('blank-frames.html', BLANK_FRAMES_PAGE);
  for (const page of FRAME_PAGES) server.generated.set(page.probePath.replace('/generated/', ''), withProbe(page.name === 'frames' ? FRAMES_PAGE : BLANK_FRAMES_PAGE, null));
  server.generated.set('warm.html', ONE_NAME);
  const pages: BenchPage[] = PAGES.includes(STRESS) ? [{ name: STRESS, path: '/generated/stress.html', probePath: '/generated/probe/stress.html' }] : [];
  for (const file of PAGES.filter((p) => p !== STRESS)) {
    server.generated.set(`probe/${file}`, withProbe(await readFile(join(CORPUS_DIR, file), 'utf8'), '/corpus/'));
    pages.push({ name: file.replace(/\.html$/, ''), path: `/corpus/${file}`, probePath: `/generated/probe/${file}` });
  }
  return pages;
}

// ---------------------------------------------------------------------------------------------
// Measuring

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const best = (values: readonly number[]) => (values.length ? Math.min(...values) : NaN);

interface ProbeResult {
  readonly dcl: number;
  readonly load: number;
  readonly first: number;
  readonly last: number;
  readonly marks: number;
  readonly longest: number;
  readonly blocked: number;
  readonly timedOut: boolean;
}

type RawProbe = Omit<ProbeResult, 'blocked'> & { readonly done: boolean; readonly gaps: readonly number[] };

async function readProbe(evaluate: () => Promise<RawProbe>): Promise<ProbeResult> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const p = await evaluate();
    if (!p.done) {
      if (Date.now() > deadline) throw new Error('the probe did not finish');
      await sleep(250);
      continue;
    }
    // The main-thread time others took until the page was done (load, or the highlights' last
    // change, if later): the probe's gaps of 2 ms or more up to then.
    const until = Math.max(p.load, p.last) + 100;
    let blocked = 0;
    for (let i = 0; i < p.gaps.length; i += 2) if (p.gaps[i + 1]! <= until) blocked += p.gaps[i]!;
    return { ...p, blocked };
  }
}

interface CostSample {
  readonly taskMs: number;
  readonly longestTaskMs: number;
  readonly longTasks: number;
  readonly marks: number;
  readonly heapMb: number;
  /** What ArrayBuffers hold outside that heap (Runtime.getHeapUsage backingStorageSize), MB. */
  readonly buffersMb: number;
}

const countMarks = (page: Page) =>
  page.evaluate(() => {
    let n = 0;
    CSS.highlights.forEach((h) => void (n += h.size));
    return n;
  });

async function taskDuration(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN) * 1000;
}

/**
 * Waits until the page holds still: the highlights' total size unchanged and the main thread
 * busy for less than 10 ms over `quietMs`. Returns the size.
 */
async function settle(page: Page, cdp: CDPSession, quietMs = 1200, timeout = 120_000): Promise<number> {
  const deadline = Date.now() + timeout;
  let marks = await countMarks(page);
  let since = Date.now();
  let taskAtSince = await taskDuration(cdp);
  while (Date.now() < deadline) {
    await sleep(200);
    const m = await countMarks(page);
    const t = await taskDuration(cdp);
    if (m !== marks || t - taskAtSince > 10) {
      marks = m;
      since = Date.now();
      taskAtSince = t;
    } else if (Date.now() - since >= quietMs) {
      return m;
    }
  }
  throw new Error(`${page.url()} did not hold still`);
}

/** One fresh load of `url` in a new tab: main-thread time, long tasks, marks and heap. */
async function costLoad(context: BrowserContext, url: string): Promise<CostSample> {
  const page = await context.newPage();
  try {
    await page.addInitScript(LONG_TASKS);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const marks = await settle(page, cdp);
    const taskMs = await taskDuration(cdp);
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
    await cdp.detach();
    return { taskMs, longestTaskMs: Math.max(0, ...longTasks), longTasks: longTasks.length, marks, heapMb: usage.usedSize / 2 ** 20, buffersMb: (usage.backingStorageSize ?? NaN) / 2 ** 20 };
  } finally {
    await page.close();
  }
}

/** One load of a probe page; also the page's text (characters, text nodes), read after the probe. */
async function chromiumProbeLoad(context: BrowserContext, url: string): Promise<{ probe: ProbeResult; textChars: number; textNodes: number }> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const probe = await readProbe(() => page.evaluate(() => (window as unknown as { __probe: RawProbe }).__probe));
    const [textChars, textNodes] = await page.evaluate(countText);
    return { probe, textChars, textNodes };
  } finally {
    await page.close();
  }
}

async function firefoxProbeLoad(browser: TestBrowser, path: string): Promise<ProbeResult> {
  const page = await browser.open(path);
  try {
    return await readProbe(() => page.evaluate(() => (window as unknown as { __probe: RawProbe }).__probe));
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Chromium

export interface ChromiumRow {
  readonly page: string;
  readonly textChars: number;
  readonly textNodes: number;
  /** Best TaskDuration per variant (ms). */
  readonly taskMs: Record<Variant, number>;
  /** Best (shortest) longest task per variant over the loads (ms). */
  readonly longestTaskMs: Record<Variant, number>;
  /** Fewest tasks of 50 ms or more per variant over the loads. */
  readonly longTasks: Record<Variant, number>;
  readonly marks: Record<Variant, number>;
  /** Least heap after a collection per variant (MB). */
  readonly heapMb: Record<Variant, number>;
  /** Least ArrayBuffer memory after a collection per variant (MB): typed arrays, outside heapMb. */
  readonly buffersMb: Record<Variant, number>;
  /** Best DOMContentLoaded (ms from navigation) without an extension, with naive, with Hashiya. */
  readonly dclMs: Record<'none' | 'naive' | 'hashiya', number>;
  /** Best time from DOMContentLoaded to the first highlights. */
  readonly firstMarksMs: Record<'naive' | 'hashiya', number>;
}

export interface ChromiumResult {
  readonly version: string;
  readonly rows: readonly ChromiumRow[];
  /**
   * Added TaskDuration (ms) by Hashiya: blank page, one name, and the frames page per frame (frames
   * with a line of text each, and frames with none).
   */
  readonly cold: { readonly blankMs: number; readonly oneNameMs: number; readonly perFrameMs: number; readonly framesMs: number; readonly perBlankFrameMs: number };
  /** The same for the empty content script (the browser's own charge for any content script). */
  readonly emptyCold: { readonly blankMs: number; readonly perFrameMs: number };
  /** Heap added by Hashiya on the frames page (MB), and on the page of frames with no text. */
  readonly framesHeapMb: number;
  readonly blankFramesHeapMb: number;
  /** Heap added by the empty content script on the frames page and on the blank page (MB). */
  readonly emptyHeapMb: { readonly frames: number; readonly blank: number };
  /** Heap added by Hashiya on the blank page (MB). */
  readonly blankHeapMb: number;
  /** ArrayBuffer memory added by Hashiya on the frames page (MB): each frame that reads decodes its tables. */
  readonly framesBuffersMb: number;
}

async function launchChromiumVariant(extensionDir: string | null): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: EXECUTABLES.chromium,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []), ...CHROMIUM_FLAGS],
  });
  // Hashiya opens its first-run page on install; the other variants have none.
  if (extensionDir && existsSync(join(extensionDir, 'welcome.html'))) await closeWelcomeTab(context);
  return context;
}

async function runChromium(pages: readonly BenchPage[], server: TestServer, dirs: Record<'floor' | 'naive' | 'empty', string>, log: (line: string) => void): Promise<ChromiumResult> {
  const extension: Record<Variant | 'empty', string | null> = { none: null, floor: dirs.floor, naive: dirs.naive, hashiya: DIST.chromium, empty: dirs.empty };
  const contexts = {} as Record<Variant | 'empty', BrowserContext>;
  try {
    for (const variant of [...VARIANTS, 'empty'] as const) {
      contexts[variant] = await launchChromiumVariant(extension[variant]);
      if (variant === 'hashiya') {
        if (contexts.hashiya.serviceWorkers().length === 0) await contexts.hashiya.waitForEvent('serviceworker', { timeout: 15_000 });
      }
      // A first load, so that no variant measures its browser's start-up.
      await costLoad(contexts[variant], server.origin + '/generated/warm.html');
    }
    const version = await (async () => {
      const page = await contexts.none.newPage();
      const cdp = await contexts.none.newCDPSession(page);
      const { product } = await cdp.send('Browser.getVersion');
      await page.close();
      return product.replace(/^\D+\//, '');
    })();

    const rows: ChromiumRow[] = [];
    for (const page of pages) {
      const samples = Object.fromEntries(VARIANTS.map((v) => [v, [] as CostSample[]])) as Record<Variant, CostSample[]>;
      // Interleaved, so that a slow spell of the machine falls on every variant alike.
      for (let run = 0; run < RUNS; run++) {
        for (const variant of VARIANTS) samples[variant].push(await costLoad(contexts[variant], `${server.origin}${page.path}?run=${run}`));
      }
      const probes = { none: [] as ProbeResult[], naive: [] as ProbeResult[], hashiya: [] as ProbeResult[] };
      let text = [0, 0];
      for (let run = 0; run < probeRuns(page); run++) {
        for (const variant of ['none', 'naive', 'hashiya'] as const) {
          const { probe, textChars, textNodes } = await chromiumProbeLoad(contexts[variant], `${server.origin}${page.probePath}?run=${run}`);
          probes[variant].push(probe);
          if (variant === 'none') text = [textChars, textNodes];
        }
      }
      const [textChars, textNodes] = text;
      const per = <T>(f: (samples: CostSample[]) => T) => Object.fromEntries(VARIANTS.map((v) => [v, f(samples[v])])) as Record<Variant, T>;
      const row: ChromiumRow = {
        page: page.name,
        textChars: textChars ?? 0,
        textNodes: textNodes ?? 0,
        taskMs: per((s) => best(s.map((x) => x.taskMs))),
        longestTaskMs: per((s) => best(s.map((x) => x.longestTaskMs))),
        longTasks: per((s) => best(s.map((x) => x.longTasks))),
        marks: per((s) => s.at(-1)?.marks ?? 0),
        heapMb: per((s) => best(s.map((x) => x.heapMb))),
        buffersMb: per((s) => best(s.map((x) => x.buffersMb))),
        dclMs: { none: best(probes.none.map((p) => p.dcl)), naive: best(probes.naive.map((p) => p.dcl)), hashiya: best(probes.hashiya.map((p) => p.dcl)) },
        firstMarksMs: {
          naive: best(probes.naive.filter((p) => p.first >= 0).map((p) => p.first - p.dcl)),
          hashiya: best(probes.hashiya.filter((p) => p.first >= 0).map((p) => p.first - p.dcl)),
        },
      };
      rows.push(row);
      log(`  chromium ${page.name}: ${VARIANTS.map((v) => `${v} ${row.taskMs[v].toFixed(0)} ms`).join(', ')}`);
    }

    // Cold start-up: Hashiya and the empty content script against no extension on pages with
    // (next to) nothing to read.
    const coldVariants = ['none', 'empty', 'hashiya'] as const;
    const cold = { none: {}, empty: {}, hashiya: {} } as Record<(typeof coldVariants)[number], Record<string, CostSample[]>>;
    for (const name of ['blank', 'one-name', 'frames', 'blank-frames']) {
      for (const variant of coldVariants) cold[variant][name] = [];
      for (let run = 0; run < COLD_RUNS; run++) {
        for (const variant of coldVariants) cold[variant][name]!.push(await costLoad(contexts[variant], `${server.origin}/generated/${name}.html?run=${run}`));
      }
    }
    const added = (name: string, f: (s: CostSample) => number, variant: 'empty' | 'hashiya' = 'hashiya') => best(cold[variant][name]!.map(f)) - best(cold.none[name]!.map(f));
    const blankMs = added('blank', (s) => s.taskMs);
    const framesMs = added('frames', (s) => s.taskMs);
    const emptyBlankMs = added('blank', (s) => s.taskMs, 'empty');
    return {
      version,
      rows,
      cold: { blankMs, oneNameMs: added('one-name', (s) => s.taskMs), framesMs, perFrameMs: (framesMs - blankMs) / FRAMES, perBlankFrameMs: (added('blank-frames', (s) => s.taskMs) - blankMs) / FRAMES },
      emptyCold: { blankMs: emptyBlankMs, perFrameMs: (added('frames', (s) => s.taskMs, 'empty') - emptyBlankMs) / FRAMES },
      framesHeapMb: added('frames', (s) => s.heapMb),
      blankFramesHeapMb: added('blank-frames', (s) => s.heapMb),
      emptyHeapMb: { frames: added('frames', (s) => s.heapMb, 'empty'), blank: added('blank', (s) => s.heapMb, 'empty') },
      blankHeapMb: added('blank', (s) => s.heapMb),
      framesBuffersMb: added('frames', (s) => s.buffersMb),
    };
  } finally {
    for (const context of Object.values(contexts)) await context.close().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Firefox

export interface FirefoxRow {
  readonly page: string;
  readonly dclMs: Record<FirefoxVariant, number>;
  /** Best time from DOMContentLoaded to the first highlights. */
  readonly firstMarksMs: Record<FirefoxVariant, number>;
  /** Best time from load to the last change of the highlights (0: done before load). */
  readonly doneAfterLoadMs: Record<FirefoxVariant, number>;
  /** Best longest gap of the probe: the longest task the page saw. */
  readonly longestMs: Record<FirefoxVariant, number>;
  /** Best sum of the probe's gaps of 2 ms or more until the page was done: main-thread time others took. */
  readonly blockedMs: Record<FirefoxVariant, number>;
  readonly marks: Record<FirefoxVariant, number>;
}

export interface FirefoxResult {
  readonly version: string;
  readonly rows: readonly FirefoxRow[];
  /** Best busy time of the frames pages with the empty content script (the browser's own charge), by page. */
  readonly emptyBlockedMs: Readonly<Record<string, number>>;
}

/** In Firefox the floor is left out: its loads are slow, and naive is the baseline of the target. */
const FIREFOX_VARIANTS = ['none', 'naive', 'hashiya'] as const;
type FirefoxVariant = (typeof FIREFOX_VARIANTS)[number];

async function runFirefox(pages: readonly BenchPage[], dirs: Record<'floor' | 'naive' | 'empty', string>, log: (line: string) => void): Promise<FirefoxResult> {
  const browsers = {} as Record<FirefoxVariant | 'empty', TestBrowser>;
  try {
    // The empty content script loads the frames pages only: what any extension's script costs a frame.
    for (const variant of [...FIREFOX_VARIANTS, 'empty'] as const) {
      const options = variant === 'none' ? { withExtension: false } : variant === 'hashiya' ? {} : { extensionDir: dirs[variant] };
      const browser = await launchBrowser('firefox', options);
      browsers[variant] = browser;
      await servePages(browser.server);
      const warm = await browser.open('/generated/warm.html');
      await sleep(1000);
      await warm.close();
    }
    const version = await (async () => {
      const page = await browsers.none.open('/generated/blank.html');
      const ua = await page.evaluate(() => navigator.userAgent);
      await page.close();
      return /Firefox\/([\d.]+)/.exec(ua)?.[1] ?? ua;
    })();
    const rows: FirefoxRow[] = [];
    const emptyBlockedMs: Record<string, number> = {};
    for (const page of [...pages, ...FRAME_PAGES]) {
      const samples = Object.fromEntries(FIREFOX_VARIANTS.map((v) => [v, [] as ProbeResult[]])) as Record<FirefoxVariant, ProbeResult[]>;
      const empty: ProbeResult[] = [];
      for (let run = 0; run < probeRuns(page); run++) {
        for (const variant of FIREFOX_VARIANTS) samples[variant].push(await firefoxProbeLoad(browsers[variant], `${page.probePath}?gap&run=${run}`));
        if (isFramesPage(page.name)) empty.push(await firefoxProbeLoad(browsers.empty, `${page.probePath}?gap&run=${run}`));
      }
      if (empty.length > 0) emptyBlockedMs[page.name] = best(empty.map((p) => p.blocked));
      const per = (f: (p: ProbeResult) => number | null) =>
        Object.fromEntries(FIREFOX_VARIANTS.map((v) => [v, best(samples[v].map(f).filter((x): x is number => x !== null))])) as Record<FirefoxVariant, number>;
      const row: FirefoxRow = {
        page: page.name,
        dclMs: per((p) => p.dcl),
        firstMarksMs: per((p) => (p.first >= 0 ? p.first - p.dcl : null)),
        doneAfterLoadMs: per((p) => (p.first >= 0 ? Math.max(0, p.last - p.load) : null)),
        longestMs: per((p) => p.longest),
        blockedMs: per((p) => p.blocked),
        marks: Object.fromEntries(FIREFOX_VARIANTS.map((v) => [v, samples[v].at(-1)?.marks ?? 0])) as Record<FirefoxVariant, number>,
      };
      rows.push(row);
      log(`  firefox ${page.name}: ${FIREFOX_VARIANTS.map((v) => `${v} blocked ${row.blockedMs[v].toFixed(0)} ms`).join(', ')}`);
    }
    return { version, rows, emptyBlockedMs };
  } finally {
    for (const browser of Object.values(browsers)) await browser.close().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Report

const ms = (v: number, digits = 0) => (Number.isFinite(v) ? v.toFixed(digits) : '—');
const plus = (v: number, digits = 0) => (Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${v.toFixed(digits)}` : '—');
const check = (ok: boolean) => (ok ? 'yes' : 'NO');

export function printChromium(r: ChromiumResult, log: (line: string) => void = console.log): void {
  log('');
  log(`Page loads in Chromium ${r.version}: main-thread time an extension adds to a page load (CDP TaskDuration: script, style, layout, paint),`);
  log(`ms over the same page with no extension, best of ${RUNS} fresh loads each, once the highlights and the main thread hold still;`);
  log(`DCL and DCL → first highlights: best of ${PROBE_RUNS} loads (1 of the stress page) with a probe at the top of the page`);
  log('page               text chars  nodes  | bare ms | floor   naive  Hashiya | Hashiya ≤ naive | marks naive/Hashiya | longest task bare/naive/Hashiya (≥50 ms tasks bare/Hashiya) | DCL bare→Hashiya | DCL→1st highlights naive/Hashiya | heap added MB naive/Hashiya');
  for (const row of r.rows) {
    const add = (v: Variant) => row.taskMs[v] - row.taskMs.none;
    log(
      [
        row.page.padEnd(18),
        String(row.textChars).padStart(10),
        String(row.textNodes).padStart(6),
        ' |',
        ms(row.taskMs.none).padStart(7),
        ' |',
        plus(add('floor')).padStart(5),
        plus(add('naive')).padStart(7),
        plus(add('hashiya')).padStart(8),
        ' |',
        check(add('hashiya') <= add('naive')).padStart(15),
        ' |',
        `${row.marks.naive}/${row.marks.hashiya}`.padStart(19),
        ' |',
        `${ms(row.longestTaskMs.none)}/${ms(row.longestTaskMs.naive)}/${ms(row.longestTaskMs.hashiya)} ms (${row.longTasks.none}/${row.longTasks.hashiya})`.padStart(40),
        '                       |',
        `${ms(row.dclMs.none)}→${ms(row.dclMs.hashiya)} ms`.padStart(16),
        ' |',
        `${ms(row.firstMarksMs.naive)}/${ms(row.firstMarksMs.hashiya)} ms`.padStart(32),
        ' |',
        `${plus(row.heapMb.naive - row.heapMb.none, 2)}/${plus(row.heapMb.hashiya - row.heapMb.none, 2)}`.padStart(27),
      ].join(' '),
    );
  }
  const corpus = r.rows.filter((row) => row.page !== STRESS);
  const sum = (v: Variant) => corpus.reduce((a, row) => a + row.taskMs[v] - row.taskMs.none, 0);
  log(`corpus pages together: floor ${plus(sum('floor'))} ms, naive ${plus(sum('naive'))} ms, Hashiya ${plus(sum('hashiya'))} ms`);
  log(
    `cold start-up of Hashiya's content script (added TaskDuration, best of ${COLD_RUNS}): blank page ${plus(r.cold.blankMs, 1)} ms, one sentence with a name ${plus(r.cold.oneNameMs, 1)} ms, ` +
      `${FRAMES} small srcdoc frames ${plus(r.cold.framesMs, 1)} ms (${plus(r.cold.perFrameMs, 1)} ms a frame over the blank page; ${plus(r.cold.perBlankFrameMs, 1)} ms a frame with no text)`,
  );
  const news = r.rows.find((row) => row.page === 'cnn-arabic-syria');
  const newsHeap = news ? news.heapMb.hashiya - news.heapMb.none : NaN;
  log(`  the same for an empty content script injected as Hashiya's is (the browser's own charge): blank page ${plus(r.emptyCold.blankMs, 1)} ms, ${plus(r.emptyCold.perFrameMs, 1)} ms a frame`);
  log(
    `JavaScript heap Hashiya adds (Runtime.getHeapUsage after a collection): cnn-arabic-syria ${plus(newsHeap, 2)} MB, page with ${FRAMES} srcdoc frames ${plus(r.framesHeapMb, 2)} MB (${plus(r.blankFramesHeapMb, 2)} MB with no text in them), blank page ${plus(r.blankHeapMb, 2)} MB`,
  );
  log(`  and in ArrayBuffers, outside that heap (Runtime.getHeapUsage backingStorageSize: the decoded tables of each frame that reads): cnn-arabic-syria ${plus(news ? news.buffersMb.hashiya - news.buffersMb.none : NaN, 2)} MB (naive ${plus(news ? news.buffersMb.naive - news.buffersMb.none : NaN, 2)}), page with ${FRAMES} srcdoc frames ${plus(r.framesBuffersMb, 2)} MB`);
  log(`  the same for the empty content script: page with ${FRAMES} srcdoc frames ${plus(r.emptyHeapMb.frames, 2)} MB, blank page ${plus(r.emptyHeapMb.blank, 2)} MB; the naive one (top frame only) on cnn-arabic-syria ${plus(news ? news.heapMb.naive - news.heapMb.none : NaN, 2)} MB`);
  const stress = r.rows.find((row) => row.page === STRESS);
  log('targets (issue #17):');
  log(`  Hashiya adds no more than naive on every page: ${check(r.rows.every((row) => row.taskMs.hashiya <= row.taskMs.naive))}`);
  log(`  cold start-up in a frame ≤ 5 ms: ${check(Math.max(r.cold.blankMs, r.cold.perFrameMs) <= 5)} (blank page ${plus(r.cold.blankMs, 1)}, a frame ${plus(r.cold.perFrameMs, 1)}, a frame with no text ${plus(r.cold.perBlankFrameMs, 1)})`);
  log(`  heap ≤ 0.3 MB on a news page: ${check(newsHeap <= 0.3)} (${plus(newsHeap, 2)}); ≤ 1 MB with ${FRAMES} frames: ${check(r.framesHeapMb <= 1)} (${plus(r.framesHeapMb, 2)})`);
  log(`  no task over 50 ms that the bare page does not have: ${check(r.rows.every((row) => row.longestTaskMs.hashiya <= Math.max(50, row.longestTaskMs.none)))}`);
  log(`  DOMContentLoaded not later with Hashiya on any corpus page: ${check(corpus.every((row) => row.dclMs.hashiya <= row.dclMs.none))}`);
  log(`  first highlights ≤ 100 ms after DOMContentLoaded on the stress page: ${stress ? `${check(stress.firstMarksMs.hashiya <= 100)} (${ms(stress.firstMarksMs.hashiya)} ms)` : 'not measured (LOAD_BENCH_PAGES has no stress)'}`);
}

export function printFirefox(r: FirefoxResult, log: (line: string) => void = console.log): void {
  log('');
  log(`Page loads in Firefox ${r.version} (no TaskDuration there): a probe at the top of the page keeps one MessageChannel message always waiting;`);
  log(`"busy": the sum of its gaps of 2 ms or more (main-thread time others took) until load or the highlights' last change, if later; "longest": its longest gap (the longest task); best of ${PROBE_RUNS} loads (1 of the stress page)`);
  log('page               | busy bare ms | added naive  Hashiya | Hashiya ≤ naive | longest bare/naive/Hashiya | marks naive/Hashiya | DCL bare→Hashiya | DCL→1st highlights naive/Hashiya | load→highlights done naive/Hashiya');
  for (const row of r.rows) {
    const add = (v: FirefoxVariant) => row.blockedMs[v] - row.blockedMs.none;
    log(
      [
        row.page.padEnd(18),
        '|',
        ms(row.blockedMs.none).padStart(12),
        '|',
        plus(add('naive')).padStart(11),
        plus(add('hashiya')).padStart(8),
        '|',
        check(add('hashiya') <= add('naive')).padStart(15),
        '|',
        `${ms(row.longestMs.none)}/${ms(row.longestMs.naive)}/${ms(row.longestMs.hashiya)} ms`.padStart(26),
        '|',
        `${row.marks.naive}/${row.marks.hashiya}`.padStart(19),
        '|',
        `${ms(row.dclMs.none)}→${ms(row.dclMs.hashiya)} ms`.padStart(16),
        '|',
        `${ms(row.firstMarksMs.naive)}/${ms(row.firstMarksMs.hashiya)} ms`.padStart(32),
        '|',
        `${ms(row.doneAfterLoadMs.naive)}/${ms(row.doneAfterLoadMs.hashiya)} ms`.padStart(34),
      ].join(' '),
    );
  }
  log('targets (issue #17):');
  // The naive highlighter reads the top frame only: the frames pages are Hashiya's frame cost, not a race.
  const pages = r.rows.filter((row) => !isFramesPage(row.page));
  log(`  Hashiya adds no more than naive on every page: ${check(pages.every((row) => row.blockedMs.hashiya <= row.blockedMs.naive))}`);
  log(`  no task over 50 ms that the bare page does not have: ${check(r.rows.every((row) => row.longestMs.hashiya <= Math.max(50, row.longestMs.none)))}`);
  log(`  DOMContentLoaded not later with Hashiya on any corpus page: ${check(pages.filter((row) => row.page !== STRESS).every((row) => row.dclMs.hashiya <= row.dclMs.none))}`);
  const frames = (name: string) => r.rows.find((row) => row.page === name);
  const perFrame = (name: string) => ((frames(name)?.blockedMs.hashiya ?? NaN) - (frames(name)?.blockedMs.none ?? NaN)) / FRAMES;
  log(`  a frame costs: ${plus(perFrame('frames'), 1)} ms with a line of text, ${plus(perFrame('blank-frames'), 1)} ms with none (busy time added over ${FRAMES} srcdoc frames, per frame)`);
  const emptyPerFrame = (name: string) => ((r.emptyBlockedMs[name] ?? NaN) - (frames(name)?.blockedMs.none ?? NaN)) / FRAMES;
  log(`    the same for an empty content script injected as Hashiya's is (the browser's own charge): ${plus(emptyPerFrame('frames'), 1)} ms with a line of text, ${plus(emptyPerFrame('blank-frames'), 1)} ms with none`);
}

/** Runs the benchmark in the browsers asked for and prints its tables. */
export async function runLoadBench(log: (line: string) => void = console.log): Promise<{ chromium?: ChromiumResult; firefox?: FirefoxResult }> {
  const dir = await mkdtemp(join(tmpdir(), 'hashiya-load-bench-'));
  const server = await startServer();
  const out: { chromium?: ChromiumResult; firefox?: FirefoxResult } = {};
  try {
    const dirs = await writeBaselines(dir);
    const pages = await servePages(server);
    if (BROWSERS.includes('chromium')) out.chromium = await runChromium(pages, server, dirs, log);
    if (BROWSERS.includes('firefox')) out.firefox = await runFirefox(pages, dirs, log);
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
  if (out.chromium) printChromium(out.chromium, log);
  if (out.firefox) printFirefox(out.firefox, log);
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runLoadBench();
