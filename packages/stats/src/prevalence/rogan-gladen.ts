import { sortedQuantile } from '../bootstrap/quantile.js';
import type { RandomSource } from '../random/random-source.js';
import { sampleBeta } from '../random/random-variates.js';
import { toRandomSource } from '../random/xoshiro128.js';
import { assertCounts, assertLevel, type Interval } from '../rates/interval.js';
import { wilsonInterval } from '../rates/wilson-interval.js';
import { normalQuantile } from '../special/normal-distribution.js';

/** Counts behind a prevalence correction. */
export interface PrevalenceCounts {
  /** The run: items the grader flagged, out of the items it graded (abstentions excluded). */
  flagged: number;
  graded: number;
  /** Gold positives the grader flagged, out of all gold positives (sensitivity). */
  truePositives: number;
  goldPositives: number;
  /** Gold negatives the grader did not flag, out of all gold negatives (specificity). */
  trueNegatives: number;
  goldNegatives: number;
}

/** Interval methods of `correctPrevalence`. */
export type PrevalenceIntervalMethod = 'lang-reiczigel' | 'delta' | 'bootstrap';

/** Options of `correctPrevalence`. */
export interface CorrectPrevalenceOptions {
  /** Confidence level, default 0.95. */
  level?: number;
  /** Default `lang-reiczigel` (the method the coverage simulation supports; see the README). */
  method?: PrevalenceIntervalMethod;
  /** Resamples for `bootstrap`, default 4000. */
  resamples?: number;
  /** Seed (default 0) or generator for `bootstrap`. */
  random?: number | RandomSource;
}

/** A corrected prevalence beside the naive rate. */
export interface PrevalenceEstimate {
  /** Share of graded items the grader flagged, with a Wilson interval (no correction). */
  naive: number;
  naiveCi: Interval;
  /** Rogan-Gladen estimate clamped to [0, 1]; NaN when the grader is no better than chance. */
  estimate: number;
  /** The same before clamping (may be < 0 when the flag rate is below the false-positive rate). */
  unclampedEstimate: number;
  ci: Interval;
  /** Youden's J = Se + Sp − 1 on the gold labels; the correction divides by it. */
  youden: number;
  sensitivity: number;
  specificity: number;
  /** Why the estimate or interval is degenerate, when it is. */
  note?: string;
}

/**
 * Prevalence corrected for a grader's error rates (Rogan & Gladen 1978,
 * "Estimating prevalence from the results of a screening test", Am. J. Epidemiol. 107:71–76):
 * `π̂ = (p̂ + Ŝp − 1) / (Ŝe + Ŝp − 1)` with Se and Sp measured on gold labels, clamped to [0, 1].
 * A judge with 2% false positives cannot measure a 0.4% rate without this. Intervals carry the
 * uncertainty of p̂, Ŝe and Ŝp (independent binomial samples):
 * - `lang-reiczigel` (default): Lang & Reiczigel (2014), Prev. Vet. Med. 113:13–22 — the delta
 *   method on Agresti-Coull-style adjusted counts (`+z²/2` of `z²` on the run, `+1` of `+2` on the
 *   gold sets) with their bias shift; best coverage in our simulation (README table).
 * - `delta`: the plain delta-method Wald interval around the unclamped estimate.
 * - `bootstrap`: parametric simulation drawing p, Se and Sp from their Jeffreys Beta posteriors and
 *   taking percentiles of the clamped Rogan-Gladen estimate.
 * All bounds are clamped to [0, 1].
 */
export function correctPrevalence(
  counts: PrevalenceCounts,
  options: CorrectPrevalenceOptions = {},
): PrevalenceEstimate {
  const level = options.level ?? 0.95;
  assertLevel(level);
  assertCounts(counts.flagged, counts.graded);
  assertCounts(counts.truePositives, counts.goldPositives);
  assertCounts(counts.trueNegatives, counts.goldNegatives);
  const method = options.method ?? 'lang-reiczigel';
  const apparent = counts.flagged / counts.graded;
  const sensitivity = counts.truePositives / counts.goldPositives;
  const specificity = counts.trueNegatives / counts.goldNegatives;
  const youden = sensitivity + specificity - 1;
  const naiveCi = wilsonInterval(counts.flagged, counts.graded, { level });
  const base = { naive: apparent, naiveCi, youden, sensitivity, specificity };
  if (!(youden > 0)) {
    return {
      ...base,
      estimate: Number.NaN,
      unclampedEstimate: Number.NaN,
      ci: { lower: 0, upper: 1, level, method },
      note: 'the grader is no better than chance on the gold labels (sensitivity + specificity <= 1)',
    };
  }
  const unclampedEstimate = (apparent + specificity - 1) / youden;
  const estimate = clamp(unclampedEstimate);
  const z = normalQuantile(0.5 + level / 2);
  let lower: number;
  let upper: number;
  if (method === 'delta') {
    const standardError =
      Math.sqrt(
        (apparent * (1 - apparent)) / counts.graded +
          ((sensitivity * (1 - sensitivity)) / counts.goldPositives) * unclampedEstimate ** 2 +
          ((specificity * (1 - specificity)) / counts.goldNegatives) * (1 - unclampedEstimate) ** 2,
      ) / youden;
    lower = unclampedEstimate - z * standardError;
    upper = unclampedEstimate + z * standardError;
  } else if (method === 'lang-reiczigel') {
    [lower, upper] = langReiczigelBounds(counts, z);
  } else {
    [lower, upper] = bootstrapBounds(counts, level, options);
  }
  return {
    ...base,
    estimate,
    unclampedEstimate,
    ci: { lower: clamp(lower), upper: clamp(upper), level, method },
  };
}

function langReiczigelBounds(counts: PrevalenceCounts, z: number): [number, number] {
  const runTotal = counts.graded + z * z;
  const apparent = (counts.flagged + (z * z) / 2) / runTotal;
  const positives = counts.goldPositives + 2;
  const sensitivity = (counts.truePositives + 1) / positives;
  const negatives = counts.goldNegatives + 2;
  const specificity = (counts.trueNegatives + 1) / negatives;
  const youden = sensitivity + specificity - 1;
  const estimate = (apparent + specificity - 1) / youden;
  const sensitivityVariance = (sensitivity * (1 - sensitivity)) / positives;
  const specificityVariance = (specificity * (1 - specificity)) / negatives;
  const standardError =
    Math.sqrt(
      (apparent * (1 - apparent)) / runTotal +
        sensitivityVariance * estimate ** 2 +
        specificityVariance * (1 - estimate) ** 2,
    ) / Math.abs(youden);
  const shift = 2 * z * z * (estimate * sensitivityVariance - (1 - estimate) * specificityVariance);
  return [estimate + shift - z * standardError, estimate + shift + z * standardError];
}

function bootstrapBounds(
  counts: PrevalenceCounts,
  level: number,
  options: CorrectPrevalenceOptions,
): [number, number] {
  const random = toRandomSource(options.random);
  const resamples = options.resamples ?? 4000;
  const draws: number[] = [];
  for (let resample = 0; resample < resamples; resample++) {
    const apparent = sampleBeta(random, counts.flagged + 0.5, counts.graded - counts.flagged + 0.5);
    const sensitivity = sampleBeta(
      random,
      counts.truePositives + 0.5,
      counts.goldPositives - counts.truePositives + 0.5,
    );
    const specificity = sampleBeta(
      random,
      counts.trueNegatives + 0.5,
      counts.goldNegatives - counts.trueNegatives + 0.5,
    );
    const youden = sensitivity + specificity - 1;
    // A draw where the grader is no better than chance says nothing about prevalence: it could be
    // anything, so it widens the interval to the whole range on its side.
    draws.push(
      youden > 0 ? clamp((apparent + specificity - 1) / youden) : apparent + specificity - 1 > 0 ? 1 : 0,
    );
  }
  const sorted = Float64Array.from(draws).sort();
  const alpha = (1 - level) / 2;
  return [sortedQuantile(sorted, alpha), sortedQuantile(sorted, 1 - alpha)];
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
