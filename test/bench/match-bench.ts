// Matching throughput against two baselines measured in the same run on the same strings:
// a bare charCodeAt loop (the floor: reading the text at all) and one combined RegExp of every
// name with Unicode word boundaries (what most code would write). Best of several runs.
// "engine" is `find`: the scan and the decision, with the mentions as parallel arrays (Mentions,
// what the CLI reads); "scan" is the scan alone (`Matcher.scan`, the candidates of one block).
//
// The texts: the seed article and its English translation (the pack's paragraph translations),
// each repeated to 50 M characters, and a text with no names; then a stress text that is not news,
// a paragraph of names and little else (one mention every 29 characters), in ASCII only.
//
//   node dist/bench/match-bench.mjs      (built by `node build.mjs`; `npm run bench` runs all)

import { pathToFileURL } from 'node:url';
import type { Pack } from '../../src/data/pack-schema';
import bundled from '../../src/data/packs/sharaa-moscow-2025.json';
import { compileMatcher } from '../../src/match/matcher';
import { toMatchData } from '../../src/data/match-data';

/** One corpus's figures, in millions of UTF-16 units per second. */
export interface CorpusResult {
  readonly corpus: string;
  readonly chars: number;
  readonly mentions: number;
  readonly engine: number;
  /** `scan` alone: the pass over the text and the candidates, without the decision. */
  readonly scan: number;
  readonly floor: number;
  readonly regexp: number;
  /** Whether the targets apply (the three texts it names; not the stress text). */
  readonly targeted: boolean;
}

/** The whole benchmark: per-corpus throughput and the compile time of the bundled pack. */
export interface MatchBenchResult {
  readonly compileMs: number;
  readonly corpora: readonly CorpusResult[];
}

const TARGET_CHARS = 50_000_000;
const RUNS = 5;
const REGEXP_SAMPLE = 2_000_000;

// Not news: a paragraph with a name in nearly every clause, and ASCII only, which lets V8's RegExp
// use its one-byte code (real English news has typographic quotes and dashes, so its strings are
// two-byte, as the translation's are).
const NAMES_ONLY = `Syrian President Ahmad al-Sharaa met Vladimir Putin at the Kremlin on Wednesday, his first visit to Moscow since the fall of Bashar al-Assad. Al-Sharaa told Putin that Syria would honour its agreements with Russia, the state news agency SANA said, while Reuters and AFP reported that Damascus would ask for Assad to be handed over. Foreign Minister Asaad al-Shaibani and Defence Minister Murhaf Abu Qasra travelled with him; the future of the Hmeimim air base in Latakia province and the naval facility at Tartus was on the table. Sergei Lavrov and Sergei Vershinin had spoken of continued contacts, and Sputnik called the talks a new start. `;
const NO_NAMES = `The weather was mild and the market opened early; traders spoke about prices, harvests and the long road home. كان الطقس معتدلاً وافتتح السوق باكراً، وتحدث التجار عن الأسعار والمحاصيل والطريق الطويل إلى البيت. Children played near the river while the bakery sold fresh bread to the neighbours. لعب الأطفال قرب النهر بينما باع المخبز الخبز الطازج للجيران. `;

/**
 * `text` repeated to `chars`, as one flat string. V8 builds a long repeat as a tree of
 * concatenations and, when it is first read, flattens it into a copy that the tree then points to:
 * every read goes through that extra step (the floor measures about 400 M chars/s instead of 600)
 * until a garbage collection happens to replace the tree by the copy. JSON.parse makes a flat string
 * at once, so that every figure is taken on the same, fastest form of the text.
 */
function repeatTo(text: string, chars: number): string {
  return JSON.parse(JSON.stringify(text.repeat(Math.ceil(chars / text.length)))) as string;
}

function best(fn: () => void, runs = RUNS): number {
  let min = Infinity;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

function floorLoop(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i);
  return sum;
}

function combinedRegExp(names: readonly string[]): RegExp {
  const escaped = [...new Set(names)]
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp('(?<![\\p{L}\\p{N}])(?:' + escaped.join('|') + ')(?![\\p{L}\\p{N}])', 'gu');
}

/** The three targets for one text: ≥ 150 M chars/s, within 3× the floor, ≥ 3× the RegExp. */
function targets(r: CorpusResult): string {
  const mark = (ok: boolean): string => (ok ? 'met' : 'MISSED');
  const all = `≥150 ${mark(r.engine >= 150)}, ≤3× floor ${mark(r.floor / r.engine <= 3)}, ≥3× RegExp ${mark(r.engine / r.regexp >= 3)}`;
  return r.targeted ? all : `(stress text, no target) ${all}`;
}

/** Runs the benchmark and prints a table; resolves to the figures. */
export function runMatchBench(log: (line: string) => void = console.log): Promise<MatchBenchResult> {
  const pack = bundled as unknown as Pack;
  const input = toMatchData(pack);
  const matcher = compileMatcher(input);
  const names = [...input.entities.flatMap((e) => e.names.map((n) => n.text)), ...input.blockers.map((b) => b.text)];
  const regexp = combinedRegExp(names);
  const article = pack.article.text; // the seed article, verbatim
  const translation = pack.article.paragraphs.map((p) => p.en).join('\n');
  const corpora: [string, string, boolean][] = [
    ['article (Arabic)', repeatTo(article, TARGET_CHARS), true],
    ['article (English)', repeatTo(translation, TARGET_CHARS), true],
    ['no names', repeatTo(NO_NAMES, TARGET_CHARS), true],
    ['names only (stress)', repeatTo(NAMES_ONLY, TARGET_CHARS), false],
  ];
  const results: CorpusResult[] = [];
  let sink = 0;
  for (const [corpus, text, targeted] of corpora) {
    let mentions = 0;
    const engineMs = best(() => (mentions = matcher.find(text).length));
    const scanMs = best(() => (sink += matcher.scan(text).count));
    const floorMs = best(() => (sink += floorLoop(text)));
    const sample = text.slice(0, REGEXP_SAMPLE);
    const regexpMs = best(() => {
      regexp.lastIndex = 0;
      while (regexp.exec(sample) !== null) sink++;
    }, 2) * (text.length / sample.length);
    const rate = (ms: number): number => text.length / ms / 1000;
    results.push({ corpus, chars: text.length, mentions, engine: rate(engineMs), scan: rate(scanMs), floor: rate(floorMs), regexp: rate(regexpMs), targeted });
  }
  // Compiled last: compiling again and again before the runs above would have them measure a
  // scanner that V8 optimised knowing its tables may change, which a page's one matcher is not.
  const compileMs = best(() => compileMatcher(input), 20);
  log(`compile (bundled pack, ${names.length} names and blockers): ${compileMs.toFixed(2)} ms`);
  log('corpus               M chars  mentions   engine     scan    floor   regexp   engine/floor  engine/regexp   targets (M chars/s)');
  for (const r of results) {
    log(
      `${r.corpus.padEnd(19)} ${(r.chars / 1e6).toFixed(1).padStart(8)} ${String(r.mentions).padStart(9)} ${r.engine.toFixed(0).padStart(8)} ${r.scan.toFixed(0).padStart(8)} ${r.floor.toFixed(0).padStart(8)} ${r.regexp.toFixed(1).padStart(8)}` +
        `   ${(r.floor / r.engine).toFixed(2).padStart(8)}×slower  ${(r.engine / r.regexp).toFixed(1).padStart(8)}×faster   ${targets(r)}`,
    );
  }
  if (sink === -1) log('');
  return Promise.resolve({ compileMs, corpora: results });
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) await runMatchBench();
