// The stress page of the browser benchmarks (page-bench.ts, load-bench.ts): its own module, so that
// a benchmark can use it without bundling another benchmark's entry point (whose "run when called
// as the script" check would then be true in the importer's output file too).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CORPUS_DIR, PROJECT_ROOT as ROOT } from '../e2e/harness/server';

/**
 * The stress page: the seed article and wikipedia-2's body repeated, many small text nodes. With
 * `probe` (the default) a script at its end notes when DOMContentLoaded fires and when it first
 * sees Hashiya's highlights; without it the page runs no script of its own.
 */
export async function stressPage({ probe = true }: { readonly probe?: boolean } = {}): Promise<string> {
  const article = await readFile(join(ROOT, 'src/data/packs/sharaa-moscow-2025.json'), 'utf8').then((t) => (JSON.parse(t) as { article: { text: string } }).article.text);
  const wiki = await readFile(join(CORPUS_DIR, 'wikipedia-2.html'), 'utf8');
  const wikiBody = /<body[^>]*>([\s\S]*)<\/body>/i.exec(wiki)?.[1]?.replace(/<script[\s\S]*?<\/script>/gi, '') ?? '';
  const arabic = article
    .split('\n')
    .filter((p) => p.trim())
    .map((p) => `<p dir="rtl" lang="ar">${p.split(' ').map((w, i) => (i % 7 === 3 ? `<b>${w}</b>` : w)).join(' ')}</p>`)
    .join('\n');
  const unit = `<section>${arabic}</section><section>${wikiBody}</section>`;
  // The page notes when DOMContentLoaded fires and when it first sees Hashiya's highlights: in a
  // DOMContentLoaded listener added after the content script's (so it runs right after it), and
  // failing that in a chain of timers.
  const script = `<script>
window.__dcl = 0;
const marks = () => { let n = 0; CSS.highlights.forEach((h) => { if (h.priority <= 1) n += h.size; }); return n; };
const seen = () => { if (window.__firstMarks === undefined && marks() > 0) window.__firstMarks = performance.now(); };
(function poll() { seen(); if (window.__firstMarks === undefined) setTimeout(poll, 0); })();
document.addEventListener('DOMContentLoaded', () => { window.__dcl = performance.now(); seen(); });
</script>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Stress</title></head><body>${unit.repeat(12)}${probe ? script : ''}</body></html>`;
}

/** How much text the page holds: characters and text nodes under its <body> (passed to page.evaluate). */
export function countText(): [chars: number, nodes: number] {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let chars = 0;
  let nodes = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    chars += (n as Text).data.length;
    nodes++;
  }
  return [chars, nodes];
}
