#!/usr/bin/env node
// `npm run bench`: every benchmark, each reported as ratios against baselines measured in the same
// run (these machines are noisy; absolute numbers mean little from one run to the next).
import { runMatchBench } from '../../dist/bench/match-bench.mjs';

console.log('Matching in Node (best of several runs)');
await runMatchBench();
// Loaded only now: with the browser benchmarks' modules (playwright) already in the heap, every
// collection during the match runs has more to walk (when the engine still kept a Mention object
// per mention, its first text measured 108-123 M chars/s instead of 152). The engine runs alone in
// its process (the CLI) or in a page's world.
const { printPageBench, runPageBench } = await import('../../dist/bench/page-bench.mjs');
printPageBench(await runPageBench());
// What a page load costs as a whole, against the page with no extension and two baseline
// extensions (a bare read of every character, a naive RegExp highlighter), in Chromium and Firefox.
await (await import('../../dist/bench/load-bench.mjs')).runLoadBench();
await (await import('../../dist/bench/card-bench.mjs')).cardBench();
await (await import('../../dist/bench/reread-bench.mjs')).runRereadBench();
await (await import('../../dist/bench/shape-bench.mjs')).runShapeBench();
