import { hypergeometricPmfs, hypergeometricSupport } from '../special/hypergeometric-distribution.js';
import { tableHypergeometric } from './fisher-exact-test.js';
import { assertLevel, type Interval } from './interval.js';
import { assertTwoByTwo, type TwoByTwoTable } from './two-by-two-table.js';

/** Result of `conditionalOddsRatio`. */
export interface ConditionalOddsRatioResult {
  /** Conditional maximum-likelihood estimate; 0 or Infinity when `a` is at the edge of its support. */
  estimate: number;
  /** Exact conditional interval (inverting the two one-sided Fisher tests). */
  ci: Interval;
}

/**
 * Conditional maximum-likelihood odds ratio of a 2×2 table and its exact interval: the
 * noncentrality ψ of Fisher's noncentral hypergeometric distribution whose mean is the observed `a`,
 * with bounds solving `P(X ≥ a; ψ) = α/2` and `P(X ≤ a; ψ) = α/2`. The estimate R's `fisher.test`
 * reports; matches `scipy.stats.contingency.odds_ratio(table, kind='conditional')`.
 * @param level confidence level, default 0.95
 */
export function conditionalOddsRatio(table: TwoByTwoTable, level = 0.95): ConditionalOddsRatioResult {
  assertTwoByTwo(table);
  assertLevel(level);
  const parameters = tableHypergeometric(table);
  const [minimum, maximum] = hypergeometricSupport(parameters);
  const central = hypergeometricPmfs(parameters);
  const logCentral = Array.from(central, (probability) => Math.log(probability));
  const a = table[0][0];
  const alpha = (1 - level) / 2;
  const ci: Interval = { lower: 0, upper: Number.POSITIVE_INFINITY, level, method: 'conditional-exact' };
  if (minimum === maximum)
    return { estimate: Number.NaN, ci: { ...ci, lower: Number.NaN, upper: Number.NaN } };
  const weights = (logPsi: number): Float64Array => {
    const logs = logCentral.map((value, index) => value + (minimum + index) * logPsi);
    let largest = Number.NEGATIVE_INFINITY;
    for (const value of logs) largest = Math.max(largest, value);
    const result = new Float64Array(logs.length);
    let total = 0;
    for (let index = 0; index < logs.length; index++) {
      result[index] = Math.exp(logs[index]! - largest);
      total += result[index]!;
    }
    for (let index = 0; index < logs.length; index++) result[index]! /= total;
    return result;
  };
  const mean = (logPsi: number): number => {
    const probabilities = weights(logPsi);
    let total = 0;
    for (let index = 0; index < probabilities.length; index++)
      total += (minimum + index) * probabilities[index]!;
    return total;
  };
  const upperTail = (logPsi: number): number => {
    const probabilities = weights(logPsi);
    let total = 0;
    for (let index = a - minimum; index < probabilities.length; index++) total += probabilities[index]!;
    return total;
  };
  const lowerTail = (logPsi: number): number => {
    const probabilities = weights(logPsi);
    let total = 0;
    for (let index = 0; index <= a - minimum; index++) total += probabilities[index]!;
    return total;
  };
  let estimate: number;
  if (a === minimum) estimate = 0;
  else if (a === maximum) estimate = Number.POSITIVE_INFINITY;
  else estimate = Math.exp(solveIncreasing((logPsi) => mean(logPsi) - a));
  if (a !== minimum) ci.lower = Math.exp(solveIncreasing((logPsi) => upperTail(logPsi) - alpha));
  if (a !== maximum) ci.upper = Math.exp(solveIncreasing((logPsi) => alpha - lowerTail(logPsi)));
  return { estimate, ci };
}

/** Root of an increasing function of log ψ by bracketing and bisection to full precision. */
function solveIncreasing(f: (logPsi: number) => number): number {
  let low = -1;
  let high = 1;
  while (f(low) > 0) low *= 2;
  while (f(high) < 0) high *= 2;
  for (let iteration = 0; iteration < 200; iteration++) {
    const middle = (low + high) / 2;
    if (middle === low || middle === high) break;
    if (f(middle) < 0) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
