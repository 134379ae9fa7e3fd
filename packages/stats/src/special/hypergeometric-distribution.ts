import { logBinomialCoefficient } from './log-gamma.js';

/**
 * Parameters of a hypergeometric distribution in SciPy's convention (`hypergeom(M, n, N)`):
 * `population` objects, `successes` of them marked, `draws` drawn without replacement.
 */
export interface HypergeometricParameters {
  population: number;
  successes: number;
  draws: number;
}

/**
 * Natural log of the hypergeometric probability `P(X = k)`: the probability of `k` marked objects
 * among `draws`. In log space so that tables with thousands of counts neither overflow nor
 * underflow; `-Infinity` outside the support.
 */
export function hypergeometricLogPmf(k: number, parameters: HypergeometricParameters): number {
  const { population, successes, draws } = parameters;
  const [minimum, maximum] = hypergeometricSupport(parameters);
  if (k < minimum || k > maximum || !Number.isInteger(k)) return Number.NEGATIVE_INFINITY;
  return (
    logBinomialCoefficient(successes, k) +
    logBinomialCoefficient(population - successes, draws - k) -
    logBinomialCoefficient(population, draws)
  );
}

/** The support `[max(0, draws − (population − successes)), min(successes, draws)]`. */
export function hypergeometricSupport(parameters: HypergeometricParameters): [number, number] {
  const { population, successes, draws } = parameters;
  return [Math.max(0, draws - (population - successes)), Math.min(successes, draws)];
}

/**
 * All probabilities of the support, from `hypergeometricSupport(...)[0]` upwards. Built from the
 * mode outwards with the ratio `p(k+1)/p(k)`, so each value has relative error ~1e-14 and tails far
 * below the mode are not lost to underflow of a shared scale.
 */
export function hypergeometricPmfs(parameters: HypergeometricParameters): Float64Array {
  const { population, successes, draws } = parameters;
  const [minimum, maximum] = hypergeometricSupport(parameters);
  const size = maximum - minimum + 1;
  const logs = new Float64Array(size);
  const mode = Math.min(
    maximum,
    Math.max(minimum, Math.floor(((draws + 1) * (successes + 1)) / (population + 2))),
  );
  const modeIndex = mode - minimum;
  logs[modeIndex] = hypergeometricLogPmf(mode, parameters);
  const failures = population - successes;
  for (let k = mode; k < maximum; k++) {
    const ratio = ((successes - k) * (draws - k)) / ((k + 1) * (failures - draws + k + 1));
    logs[k + 1 - minimum] = logs[k - minimum]! + Math.log(ratio);
  }
  for (let k = mode; k > minimum; k--) {
    const ratio = (k * (failures - draws + k)) / ((successes - k + 1) * (draws - k + 1));
    logs[k - 1 - minimum] = logs[k - minimum]! + Math.log(ratio);
  }
  const probabilities = new Float64Array(size);
  for (let index = 0; index < size; index++) probabilities[index] = Math.exp(logs[index]!);
  return probabilities;
}
