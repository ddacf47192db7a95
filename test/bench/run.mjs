#!/usr/bin/env node
// `npm run bench`: every benchmark, each reported as ratios against baselines measured in the same
// run (these machines are noisy; absolute numbers mean little from one run to the next).
import { runMatchBench } from '../../dist/bench/match-bench.mjs';
import { printPageBench, runPageBench } from '../../dist/bench/page-bench.mjs';

console.log('Matching in Node (best of several runs)');
await runMatchBench();
printPageBench(await runPageBench());
await (await import('../../dist/bench/card-bench.mjs')).cardBench();
