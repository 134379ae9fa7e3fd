import {
  type HypergeometricParameters,
  hypergeometricPmfs,
  hypergeometricSupport,
} from '../special/hypergeometric-distribution.js';
import type { Alternative } from './interval.js';
import { assertTwoByTwo, type TwoByTwoTable } from './two-by-two-table.js';

/** Result of `fisherExactTest`. */
export interface FisherExactResult {
  /** The sample odds ratio `ad / bc` (Infinity when `bc = 0 < ad`), as SciPy reports it. */
  oddsRatio: number;
  pValue: number;
}

const RELATIVE_TOLERANCE = 1e-14;

/**
 * Fisher's exact test on a 2×2 table, conditioning on both margins (the count `a` is
 * hypergeometric). `less`/`greater` are the lower/upper tails of `a` (odds ratio < 1 / > 1).
 * `two-sided` sums the probabilities of every table no more likely than the observed one, with
 * SciPy's relative tolerance 1e-14 for ties in probability — matching `scipy.stats.fisher_exact`,
 * including p = 1 and odds ratio NaN when a margin is zero.
 */
export function fisherExactTest(
  table: TwoByTwoTable,
  alternative: Alternative = 'two-sided',
): FisherExactResult {
  assertTwoByTwo(table);
  const [[a, b], [c, d]] = table;
  if (a + b === 0 || c + d === 0 || a + c === 0 || b + d === 0) return { oddsRatio: Number.NaN, pValue: 1 };
  const oddsRatio = c > 0 && b > 0 ? (a * d) / (c * b) : Number.POSITIVE_INFINITY;
  const parameters = tableHypergeometric(table);
  const [minimum] = hypergeometricSupport(parameters);
  const pmfs = hypergeometricPmfs(parameters);
  const observed = a - minimum;
  const sumRange = (from: number, to: number): number => {
    let total = 0;
    for (let index = from; index <= to; index++) total += pmfs[index]!;
    return total;
  };
  let pValue: number;
  if (alternative === 'less') pValue = sumRange(0, observed);
  else if (alternative === 'greater') pValue = sumRange(observed, pmfs.length - 1);
  else {
    const observedProbability = pmfs[observed]!;
    let modeProbability = 0;
    for (const probability of pmfs) modeProbability = Math.max(modeProbability, probability);
    if (Math.abs(observedProbability - modeProbability) / modeProbability <= RELATIVE_TOLERANCE) {
      return { oddsRatio, pValue: 1 };
    }
    const threshold = observedProbability * (1 + RELATIVE_TOLERANCE);
    pValue = 0;
    for (const probability of pmfs) if (probability <= threshold) pValue += probability;
  }
  return { oddsRatio, pValue: Math.min(1, pValue) };
}

/** The hypergeometric law of cell `a` given the margins of `table`. */
export function tableHypergeometric(table: TwoByTwoTable): HypergeometricParameters {
  const [[a, b], [c, d]] = table;
  return { population: a + b + c + d, successes: a + b, draws: a + c };
}
