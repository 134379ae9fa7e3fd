import { type Alternative, chiSquareSurvival, normalCdf, normalSurvival } from '@judgekit/stats';
import { type StratumCounts, stratumMargins } from './stratum-table.js';

/** Result of `cochranMantelHaenszelTest`. */
export interface CochranMantelHaenszelResult {
  /** Signed statistic `sign(Δ) √χ²_MH`, where Δ = Σ treatment events − Σ their expectations. */
  statistic: number;
  /** The Mantel-Haenszel chi-square (1 df). */
  chiSquare: number;
  pValue: number;
  /** Σ treatment events minus its expectation under no difference in any stratum. */
  excess: number;
  /** Σ of the hypergeometric variances. */
  variance: number;
  /**
   * Mantel & Fleiss (1980): the expected total is at least 5 from both ends of its range; when
   * false the normal approximation is doubtful and the exact conditional test is preferable.
   */
  mantelFleissSatisfied: boolean;
}

/**
 * Cochran-Mantel-Haenszel test of no difference between two conditions in any stratum (common
 * odds ratio 1), conditioning on every stratum's margins, so strata with different base rates are
 * never compared with each other (Mantel & Haenszel 1959). `greater`: more events under treatment.
 * The same statistic as R's `mantelhaen.test(x, correct)` and statsmodels'
 * `StratifiedTable.test_null_odds(correction)`; one-sided p-values as R computes them. With one
 * stratum and no continuity correction it is the 'N − 1' chi-square test (Campbell 2007), i.e.
 * Pearson's χ² × (N − 1)/N. Strata with fewer than 2 observations carry no information and add 0.
 * @param options.continuityCorrection subtract min(½, |Δ|) from |Δ|, default false
 */
export function cochranMantelHaenszelTest(
  strata: readonly StratumCounts[],
  options: { alternative?: Alternative; continuityCorrection?: boolean } = {},
): CochranMantelHaenszelResult {
  let observed = 0;
  let expected = 0;
  let variance = 0;
  let lowest = 0;
  let highest = 0;
  for (const stratum of strata) {
    const { events, treatment, control, eventTotal, total } = stratumMargins(stratum);
    if (total < 2) continue;
    observed += events;
    expected += (treatment * eventTotal) / total;
    variance += (treatment * control * eventTotal * (total - eventTotal)) / (total * total * (total - 1));
    lowest += Math.max(0, eventTotal - control);
    highest += Math.min(treatment, eventTotal);
  }
  const excess = observed - expected;
  const mantelFleissSatisfied = Math.min(expected - lowest, highest - expected) >= 5;
  if (variance === 0) {
    return { statistic: 0, chiSquare: 0, pValue: 1, excess, variance, mantelFleissSatisfied };
  }
  const correction = options.continuityCorrection ? Math.min(0.5, Math.abs(excess)) : 0;
  const chiSquare = (Math.abs(excess) - correction) ** 2 / variance;
  const statistic = Math.sign(excess) * Math.sqrt(chiSquare);
  const alternative = options.alternative ?? 'two-sided';
  const pValue =
    alternative === 'two-sided'
      ? chiSquareSurvival(chiSquare, 1)
      : alternative === 'greater'
        ? normalSurvival(statistic)
        : normalCdf(statistic);
  return { statistic, chiSquare, pValue, excess, variance, mantelFleissSatisfied };
}
