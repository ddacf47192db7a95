// The shape benchmark: the longest the page waits on pages whose shape once made Hashiya take one
// long task — one text node of 20 MB, and a live page appending a line to <body> every 100 ms — in
// both real browsers, with the extension and, as the baseline in the same run, without it.
//
// A probe in the page keeps one MessageChannel message always waiting from its first script on and
// records the longest gap between two of its messages over a fixed window: the longest task the
// page saw, whoever ran it (the browser's own parsing and layout of a 20 MB text included).
//
//   node dist/bench/shape-bench.mjs      (built by `node build.mjs`; `npm run bench` runs all)
import { pathToFileURL } from 'node:url';
import { launchBrowser, type BrowserName, type TestBrowser } from '../e2e/harness/browsers';

const RUNS = 2;
/** How long the probe watches each page from its first script. */
const WINDOW_MS = 8000;

const PROBE = `<script>
window.longest = 0;
window.marks = () => { let n = 0; CSS.highlights.forEach((h) => { if (h.priority === 0) n += h.size; }); return n; };
(() => {
  const channel = new MessageChannel();
  const start = performance.now();
  let last = start;
  channel.port1.onmessage = () => {
    const now = performance.now();
    window.longest = Math.max(window.longest, now - last);
    last = now;
    if (now - start < ${WINDOW_MS}) channel.port2.postMessage(null);
    else window.done = true;
  };
  channel.port2.postMessage(null);
})();
</script>`;

const SHAPES = {
  /** One text node of about 20 MB, the name 100 times in it. */
  'one 20 MB text node': `<!doctype html><html><head><meta charset="utf-8">${PROBE}</head><body><div id="dump"></div><script>
    const filler = 'The weather was mild and the market was calm that day. ';
    const parts = [];
    for (let i = 0; i < 100; i++) parts.push(filler.repeat(3600), 'Then Putin spoke. ');
    document.getElementById('dump').append(parts.join(''));
  </script></body></html>`,
  /** A long page that appends a line with a name to <body> every 100 ms, 50 times. */
  'a line appended to <body> every 100 ms': `<!doctype html><html><head><meta charset="utf-8">${PROBE}</head><body>${Array.from(
    { length: 3000 },
    (_, i) => `<p>Item ${i}: Putin and Lavrov met in Moscow again.</p><p>Nothing else happened at ${i}.</p>`,
  ).join('')}<script>
    let lines = 0;
    const timer = setInterval(() => {
      document.body.append('Update ' + lines + ': Damascus answered. ');
      if (++lines === 50) clearInterval(timer);
    }, 100);
  </script></body></html>`,
} as const;
type Shape = keyof typeof SHAPES;

export interface ShapeRow {
  readonly browser: BrowserName;
  readonly shape: Shape;
  /** Best of RUNS: the longest the page waited, with Hashiya. */
  readonly hashiyaMs: number;
  /** Best of RUNS: the same without the extension. */
  readonly baselineMs: number;
  /** Marks at the end of the window, with Hashiya. */
  readonly marks: number;
}

/** The longest wait on `path`; Infinity when the page did not get through its window in time. */
async function longestWait(browser: TestBrowser, path: string): Promise<{ ms: number; marks: number }> {
  const page = await browser.open(path);
  try {
    await page.waitFor(() => (window as unknown as { done?: boolean }).done === true, undefined, WINDOW_MS + 30_000);
    return await page.evaluate(() => ({ ms: (window as unknown as { longest: number }).longest, marks: (window as unknown as { marks: () => number }).marks() }));
  } catch {
    return { ms: Infinity, marks: 0 };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** Runs the benchmark in both browsers and prints a table; resolves to the figures. */
export async function runShapeBench(log: (line: string) => void = console.log): Promise<ShapeRow[]> {
  const rows: ShapeRow[] = [];
  for (const name of ['chromium', 'firefox'] as const) {
    const withHashiya = await launchBrowser(name);
    const without = await launchBrowser(name, { withExtension: false });
    try {
      for (const [i, html] of Object.values(SHAPES).entries()) for (const browser of [withHashiya, without]) browser.server.generated.set(`shape-${i}.html`, html);
      for (const [i, shape] of (Object.keys(SHAPES) as Shape[]).entries()) {
        let hashiyaMs = Infinity;
        let baselineMs = Infinity;
        let marks = 0;
        for (let run = 0; run < RUNS; run++) {
          const sample = await longestWait(withHashiya, `/generated/shape-${i}.html?run=${run}`);
          hashiyaMs = Math.min(hashiyaMs, sample.ms);
          marks = sample.marks;
          baselineMs = Math.min(baselineMs, (await longestWait(without, `/generated/shape-${i}.html?run=${run}`)).ms);
        }
        rows.push({ browser: name, shape, hashiyaMs, baselineMs, marks });
      }
    } finally {
      await withHashiya.close();
      await without.close();
    }
  }
  log('');
  log(`Page shapes: the longest the page waited over ${WINDOW_MS / 1000} s from its first script (best of ${RUNS} loads), with Hashiya and without any extension`);
  log('browser   shape                                       with Hashiya   without   added   marks');
  for (const r of rows) {
    const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : 'stalled');
    log(`${r.browser.padEnd(9)} ${r.shape.padEnd(42)} ${ms(r.hashiyaMs).padStart(13)} ${ms(r.baselineMs).padStart(9)} ${(Number.isFinite(r.hashiyaMs - r.baselineMs) ? ms(r.hashiyaMs - r.baselineMs) : '—').padStart(8)} ${String(r.marks).padStart(6)}`);
  }
  log('target: no task of Hashiya over 50 ms: the longest wait with Hashiya at most 50 ms, or no longer than without it');
  log('("stalled": the page did not get through its window within 30 s more; the browser itself, with or without Hashiya)');
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runShapeBench();
