// The re-read benchmark: how long the page has to wait while Hashiya reads a long page again
// (a single-page navigation), in both real browsers with the extension loaded.
//
// The page: 6 000 paragraphs with three names each (18 000 marks) and 18 000 without. After the
// first read has settled, the page navigates with pushState and adds a paragraph; Hashiya reads
// it all again, its old marks replaced by new ones. A probe in the page keeps one MessageChannel
// message always waiting (Hashiya's slices yield the same way) and records the longest time
// between two of its messages, until the marks are complete again: the longest the page waited.
//
// The baseline, in the same run, same browser, same page without the extension: the page itself
// replaces 18 000 highlight ranges by 18 000 new ones in one task (clear, then add), measured by
// the same probe. It is what redrawing that many marks costs any highlighter, repaint included.
//
//   node dist/bench/reread-bench.mjs      (built by `node build.mjs`; `npm run bench` runs all)
import { pathToFileURL } from 'node:url';
import { launchBrowser, type BrowserName, type TestBrowser } from '../e2e/harness/browsers';
import { settleMarks } from '../e2e/harness/settle';

const RUNS = 3;
const PARAGRAPHS = 6000;

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Long</title></head><body>${Array.from(
  { length: PARAGRAPHS },
  (_, i) => `<p>Item ${i}: Putin and Lavrov met in Moscow again.</p><p>Nothing else happened at ${i}.</p><p>The weather stayed mild.</p><p>Markets were calm.</p>`,
).join('')}
<script>
// Resolves, once done() says so, with the longest gap between two of the page's messages.
window.probe = (done) => new Promise((resolve) => {
  const channel = new MessageChannel();
  let last = performance.now();
  let longest = 0;
  channel.port1.onmessage = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (done()) resolve(longest);
    else channel.port2.postMessage(null);
  };
  channel.port2.postMessage(null);
});
window.marks = () => {
  let n = 0;
  CSS.highlights.forEach((h) => { if (h.priority === 0) n += h.size; });
  return n;
};
</script></body></html>`;

export interface RereadRow {
  readonly browser: BrowserName;
  /** Best of RUNS: the longest the page waited while Hashiya read the page again. */
  readonly hashiyaMs: number;
  /** Best of RUNS: the longest the page waited while replacing its own 18 000 ranges. */
  readonly baselineMs: number;
  readonly marks: number;
}

async function hashiyaRun(browser: TestBrowser, run: number): Promise<{ ms: number; marks: number }> {
  const page = await browser.open(`/generated/reread.html?run=${run}`);
  const marks = await settleMarks(page, 1500, 120_000);
  const ms = await page.evaluate(
    ({ complete, run }) => {
      const w = window as unknown as { probe: (done: () => boolean) => Promise<number>; marks: () => number };
      let seenChange = false;
      const waited = w.probe(() => {
        const n = w.marks();
        if (n !== complete) seenChange = true;
        return seenChange && n === complete;
      });
      history.pushState({}, '', `/generated/reread.html?run=${run}&again`);
      const p = document.createElement('p');
      p.textContent = 'The page moved on.';
      document.body.append(p);
      return waited;
    },
    { complete: marks, run },
  );
  await page.close();
  return { ms, marks };
}

async function baselineRun(browser: TestBrowser): Promise<number> {
  const page = await browser.open('/generated/reread.html?baseline');
  const ms = await page.evaluate(async () => {
    const w = window as unknown as { probe: (done: () => boolean) => Promise<number> };
    const ranges = () => {
      const out: StaticRange[] = [];
      for (const p of document.querySelectorAll('p')) {
        const text = p.firstChild;
        if (!text || !/Putin/.test(text.textContent ?? '')) continue;
        const at = (word: string) => (text.textContent ?? '').indexOf(word);
        for (const word of ['Putin', 'Lavrov', 'Moscow']) out.push(new StaticRange({ startContainer: text, startOffset: at(word), endContainer: text, endOffset: at(word) + word.length }));
      }
      return out;
    };
    const highlight = new Highlight(...ranges());
    CSS.highlights.set('page-marks', highlight);
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 100)));
    let replaced = false;
    let framesAfter = 0;
    const waited = w.probe(() => replaced && framesAfter >= 2);
    setTimeout(() => {
      highlight.clear();
      for (const range of ranges()) highlight.add(range);
      replaced = true;
      const frame = () => {
        framesAfter++;
        if (framesAfter < 2) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    }, 50);
    return waited;
  });
  await page.close();
  return ms;
}

/** Runs the benchmark in both browsers and prints a table; resolves to the figures. */
export async function runRereadBench(log: (line: string) => void = console.log): Promise<RereadRow[]> {
  const rows: RereadRow[] = [];
  for (const name of ['chromium', 'firefox'] as const) {
    const withHashiya = await launchBrowser(name);
    const without = await launchBrowser(name, { withExtension: false });
    try {
      for (const browser of [withHashiya, without]) browser.server.generated.set('reread.html', PAGE);
      let hashiyaMs = Infinity;
      let baselineMs = Infinity;
      let marks = 0;
      for (let run = 0; run < RUNS; run++) {
        const sample = await hashiyaRun(withHashiya, run);
        hashiyaMs = Math.min(hashiyaMs, sample.ms);
        marks = sample.marks;
        baselineMs = Math.min(baselineMs, await baselineRun(without));
      }
      rows.push({ browser: name, hashiyaMs, baselineMs, marks });
    } finally {
      await withHashiya.close();
      await without.close();
    }
  }
  log('');
  log(`Reading a long page again after a single-page navigation (${PARAGRAPHS * 4} paragraphs), best of ${RUNS}: the longest the page waited`);
  log('  baseline: the page itself replacing the same number of highlight ranges in one task (repaint included)');
  log('browser     marks   hashiya  baseline   hashiya/baseline');
  for (const r of rows) {
    log(`${r.browser.padEnd(9)} ${String(r.marks).padStart(7)} ${r.hashiyaMs.toFixed(0).padStart(7)} ms ${r.baselineMs.toFixed(0).padStart(6)} ms ${(r.hashiyaMs / r.baselineMs).toFixed(2).padStart(10)}×`);
  }
  return rows;
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) await runRereadBench();
