import { type Alternative, hypergeometricPmfs, hypergeometricSupport } from '@judgekit/stats';
import { type StratumCounts, stratumMargins } from './stratum-table.js';

/** Result of `exactConditionalTest`. */
export interface ExactConditionalResult {
  /** Σ treatment events, the conditioning statistic S. */
  statistic: number;
  pValue: number;
}

const RELATIVE_TOLERANCE = 1e-7;

/**
 * Exact conditional test of no difference in any stratum (common odds ratio 1) for 2×2×K tables:
 * the null law of S = Σ treatment events given every stratum's margins is the convolution of the
 * strata's hypergeometric laws (Birch 1964; R's `mantelhaen.test(exact = TRUE)`). `greater`/`less`
 * are the upper/lower tails of S; `two-sided` sums the probabilities of every S no more likely than
 * the observed one (relative tolerance 1e-7, as R). With one stratum it is Fisher's exact test.
 */
export function exactConditionalTest(
  strata: readonly StratumCounts[],
  alternative: Alternative = 'two-sided',
): ExactConditionalResult {
  let law: Float64Array = Float64Array.of(1);
  let offset = 0;
  let observed = 0;
  for (const stratum of strata) {
    const { events, treatment, eventTotal, total } = stratumMargins(stratum);
    if (total === 0) continue;
    observed += events;
    const parameters = { population: total, successes: eventTotal, draws: treatment };
    const [minimum] = hypergeometricSupport(parameters);
    law = convolve(law, hypergeometricPmfs(parameters));
    offset += minimum;
  }
  const index = observed - offset;
  let pValue = 0;
  if (alternative === 'less') for (let k = 0; k <= index; k++) pValue += law[k]!;
  else if (alternative === 'greater') for (let k = index; k < law.length; k++) pValue += law[k]!;
  else {
    const threshold = law[index]! * (1 + RELATIVE_TOLERANCE);
    for (const probability of law) if (probability <= threshold) pValue += probability;
  }
  return { statistic: observed, pValue: Math.min(1, pValue) };
}

function convolve(left: Float64Array, right: Float64Array): Float64Array {
  const result = new Float64Array(left.length + right.length - 1);
  for (let i = 0; i < left.length; i++) {
    const value = left[i]!;
    if (value === 0) continue;
    for (let j = 0; j < right.length; j++) result[i + j]! += value * right[j]!;
  }
  return result;
}
