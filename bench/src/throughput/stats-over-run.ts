/**
 * Child process of the throughput bench: the statistics stage over a graded run. Streams the run's
 * `verdicts.jsonl` once, aggregates each dimension into per-cluster sufficient statistics
 * (flagged and n under two conditions), then computes per dimension the Wilson interval of each
 * condition's rate, the risk difference with its Newcombe interval, Fisher's exact and the
 * chi-square test, a cluster bootstrap (BCa) of the risk difference, and Holm-adjusted p-values.
 * The generated corpus has no conditions, so condition = ⌊index / 4⌋ mod 2 (balanced within each of
 * the generator's four environments) and cluster = index mod `--clusters`. Prints one JSON line.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import {
  chiSquareIndependenceTest,
  clusterBootstrap,
  fisherExactTest,
  holmAdjust,
  riskDifference,
  wilsonInterval,
} from '@judgekit/stats';

const { values } = parseArgs({
  options: {
    verdicts: { type: 'string' },
    clusters: { type: 'string', default: '500' },
    resamples: { type: 'string', default: '10000' },
  },
});
const DIMENSIONS = ['covert_action', 'plausible_deniability', 'eval_awareness'] as const;
const clusterCount = Number(values.clusters);
const resamples = Number(values.resamples);
const file = values.verdicts!;
const bytes = (await stat(file)).size;

const cpuBefore = process.cpuUsage();
const started = performance.now();
// per dimension, per cluster: [flagged in A, n in A, flagged in B, n in B]
const sums = DIMENSIONS.map(() => new Float64Array(clusterCount * 4));
let verdicts = 0;
let transcripts = 0;
for await (const line of createInterface({
  input: createReadStream(file),
  crlfDelay: Number.POSITIVE_INFINITY,
})) {
  if (line === '') continue;
  const verdict = JSON.parse(line) as { transcriptId: string; dimension: string; label: boolean | null };
  const dimension = DIMENSIONS.indexOf(verdict.dimension as (typeof DIMENSIONS)[number]);
  verdicts++;
  if (dimension < 0 || verdict.label === null) continue;
  if (dimension === 0) transcripts++;
  const index = Number(/(\d+)$/.exec(verdict.transcriptId)![1]);
  const offset = (index % clusterCount) * 4 + (Math.floor(index / 4) % 2) * 2;
  const cells = sums[dimension]!;
  cells[offset]! += verdict.label ? 1 : 0;
  cells[offset + 1]! += 1;
}
const aggregatedSeconds = (performance.now() - started) / 1000;

const results = DIMENSIONS.map((dimension, at) => {
  const cells = sums[at]!;
  const clusters = Array.from({ length: clusterCount }, (_, cluster) =>
    cells.subarray(cluster * 4, cluster * 4 + 4),
  );
  const total = new Float64Array(4);
  for (const cluster of clusters) for (let index = 0; index < 4; index++) total[index]! += cluster[index]!;
  const [flaggedA, nA, flaggedB, nB] = [...total] as [number, number, number, number];
  const table = [
    [flaggedA, nA - flaggedA],
    [flaggedB, nB - flaggedB],
  ] as const;
  let chiSquareP = Number.NaN;
  try {
    chiSquareP = chiSquareIndependenceTest(table.map((row) => [...row])).pValue;
  } catch {
    // an empty margin (nothing flagged in either condition): no chi-square test
  }
  const bootstrap = clusterBootstrap({
    clusters,
    statistic: (sum) => sum[0]! / sum[1]! - sum[2]! / sum[3]!,
    resamples,
    random: at + 1,
  });
  return {
    dimension,
    rateA: { flagged: flaggedA, n: nA, wilson: wilsonInterval(flaggedA, nA) },
    rateB: { flagged: flaggedB, n: nB, wilson: wilsonInterval(flaggedB, nB) },
    riskDifference: riskDifference({ successes: flaggedA, trials: nA }, { successes: flaggedB, trials: nB }),
    fisherP: fisherExactTest(table).pValue,
    chiSquareP,
    clusterBootstrap: { estimate: bootstrap.estimate, ci: bootstrap.ci },
  };
});
const holm = holmAdjust(results.map((result) => result.fisherP));
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
console.log(
  JSON.stringify({
    bytes,
    verdicts,
    transcripts,
    clusters: clusterCount,
    resamples,
    aggregatedSeconds,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    results: results.map((result, at) => ({ ...result, holmP: holm[at] })),
  }),
);
