// Bootstrap benchmark for issue 6: statistics on 1,000,000 observations with 10,000 resamples.
// Runs the built package (`pnpm --filter @judgekit/stats bench` builds first) on one thread and
// prints wall time, resamples per second and peak RSS for each workload. Data generation is timed
// separately and excluded; aggregating the raw observations into sufficient statistics is included.
import { performance } from 'node:perf_hooks';
import { clusterBootstrap, countBootstrap, createXoshiro128, f1Of } from '../dist/index.js';

const OBSERVATIONS = 1_000_000;
const RESAMPLES = 10_000;
const ENVIRONMENTS = 500;

const generationStart = performance.now();
const random = createXoshiro128(2026);
const environment = new Int32Array(OBSERVATIONS);
const condition = new Uint8Array(OBSERVATIONS);
const outcome = new Uint8Array(OBSERVATIONS);
const score = new Float64Array(OBSERVATIONS);
const predicted = new Uint8Array(OBSERVATIONS);
for (let index = 0; index < OBSERVATIONS; index++) {
  const env = random.nextInteger(ENVIRONMENTS);
  environment[index] = env;
  condition[index] = random.nextInteger(2);
  const rate = 0.02 + (0.03 * (env % 5)) / 4 + (condition[index] ? 0.01 : 0);
  outcome[index] = random.nextDouble() < rate ? 1 : 0;
  score[index] = random.nextDouble() + 0.1 * condition[index];
  predicted[index] = random.nextDouble() < (outcome[index] ? 0.85 : 0.03) ? 1 : 0;
}
const generationSeconds = (performance.now() - generationStart) / 1000;

const riskDifference = (totals) => totals[0] / totals[1] - totals[2] / totals[3];

const workloads = [
  {
    name: 'cluster bootstrap (BCa) of the risk difference between two conditions, resampling 500 environments',
    run() {
      const clusters = Array.from({ length: ENVIRONMENTS }, () => new Float64Array(4));
      for (let index = 0; index < OBSERVATIONS; index++) {
        const cluster = clusters[environment[index]];
        const offset = condition[index] ? 0 : 2;
        cluster[offset] += outcome[index];
        cluster[offset + 1] += 1;
      }
      return clusterBootstrap({ clusters, statistic: riskDifference, resamples: RESAMPLES, random: 1 });
    },
  },
  {
    name: 'i.i.d. bootstrap (BCa) of the risk difference via multinomial draws of the 2x2 counts',
    run() {
      const cells = new Float64Array(4); // [events B, non-events B, events A, non-events A]
      for (let index = 0; index < OBSERVATIONS; index++)
        cells[(condition[index] ? 0 : 2) + (outcome[index] ? 0 : 1)] += 1;
      return countBootstrap({
        counts: cells,
        statistic: (c) => c[0] / (c[0] + c[1]) - c[2] / (c[2] + c[3]),
        resamples: RESAMPLES,
        random: 2,
      });
    },
  },
  {
    name: 'i.i.d. bootstrap (percentile) of F1 from the confusion matrix of 1,000,000 graded items',
    run() {
      const cells = new Float64Array(4); // [tp, fp, fn, tn]
      for (let index = 0; index < OBSERVATIONS; index++) {
        cells[outcome[index] ? (predicted[index] ? 0 : 2) : predicted[index] ? 1 : 3] += 1;
      }
      return countBootstrap({
        counts: cells,
        statistic: f1Of,
        resamples: RESAMPLES,
        random: 3,
        method: 'percentile',
      });
    },
  },
  {
    name: 'cluster bootstrap (BCa) of the difference in mean continuous score, resampling 500 environments',
    run() {
      const clusters = Array.from({ length: ENVIRONMENTS }, () => new Float64Array(4));
      for (let index = 0; index < OBSERVATIONS; index++) {
        const cluster = clusters[environment[index]];
        const offset = condition[index] ? 0 : 2;
        cluster[offset] += score[index];
        cluster[offset + 1] += 1;
      }
      return clusterBootstrap({ clusters, statistic: riskDifference, resamples: RESAMPLES, random: 4 });
    },
  },
];

console.log(`@judgekit/stats bootstrap benchmark — node ${process.version}, one thread`);
console.log(
  `${OBSERVATIONS.toLocaleString('en-US')} observations, ${RESAMPLES.toLocaleString('en-US')} resamples per workload`,
);
console.log(`data generation (not counted): ${generationSeconds.toFixed(2)} s`);
let total = 0;
for (const workload of workloads) {
  const start = performance.now();
  const result = workload.run();
  const seconds = (performance.now() - start) / 1000;
  total += seconds;
  console.log(`\n${workload.name}`);
  console.log(
    `  estimate ${result.estimate.toFixed(6)}, ${result.ci.method} [${result.ci.lower.toFixed(6)}, ${result.ci.upper.toFixed(6)}]`,
  );
  console.log(
    `  wall ${seconds.toFixed(3)} s (aggregation + resampling), ${Math.round(RESAMPLES / seconds).toLocaleString('en-US')} resamples/s`,
  );
}

// For scale: a naive bootstrap that redraws every observation. Ten resamples are timed and the
// time for 10,000 is extrapolated (not run), to show why the workloads above use sufficient statistics.
const naiveStart = performance.now();
let sink = 0;
for (let resample = 0; resample < 10; resample++) {
  let events = 0;
  for (let draw = 0; draw < OBSERVATIONS; draw++) events += outcome[random.nextInteger(OBSERVATIONS)];
  sink += events;
}
const naiveSecondsPerResample = (performance.now() - naiveStart) / 1000 / 10;
console.log(
  `\nfor scale, naive per-observation resampling: ${naiveSecondsPerResample.toFixed(3)} s per resample measured over 10, ` +
    `so about ${(naiveSecondsPerResample * RESAMPLES).toFixed(0)} s for ${RESAMPLES.toLocaleString('en-US')} (extrapolated; checksum ${sink})`,
);
console.log(`\ntotal wall time of the four workloads: ${total.toFixed(3)} s (target: each under 5 s)`);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
