import type { Alternative } from '../rates/interval.js';
import { kolmogorovDistribution } from '../special/kolmogorov-distribution.js';
import { logBinomialCoefficient } from '../special/log-gamma.js';

/** Options of `kolmogorovSmirnovTest`. */
export interface KolmogorovSmirnovOptions {
  /**
   * `two-sided` (default); `greater`: the cdf of the first sample lies above the second's somewhere
   * (statistic `max(F1 − F2)`); `less`: below (statistic `max(F2 − F1)`). SciPy's convention.
   */
  alternative?: Alternative;
  /** `exact`, `asymptotic`, or `auto` (default: exact when both samples have ≤ 10,000 values). */
  method?: 'auto' | 'exact' | 'asymptotic';
}

/** Result of `kolmogorovSmirnovTest`. */
export interface KolmogorovSmirnovResult {
  /** The KS distance D (rounded to a multiple of 1/lcm(n1, n2) by the exact method, as SciPy does). */
  statistic: number;
  pValue: number;
  /** The value at which the distance is attained. */
  statisticLocation: number;
  /** +1 when the first sample's cdf is above there, −1 when below. */
  statisticSign: 1 | -1;
  method: 'exact' | 'asymptotic';
}

const AUTO_LIMIT = 10_000;
const INT32_MAX = 2147483647;

/**
 * Two-sample Kolmogorov-Smirnov test, matching `scipy.stats.ks_2samp(x, y, alternative, method)`:
 * exact p-values by lattice-path counting (Hodges 1958; Viehmann 2021 for the two-sided
 * complement), the asymptotic two-sided p-value from the Kolmogorov distribution with
 * `n = round(n1 n2 / (n1 + n2))`, and Hodges' approximation (eq. 5.3) for one-sided asymptotics.
 * Falls back to the asymptotic method when the exact computation overflows, as SciPy does.
 */
export function kolmogorovSmirnovTest(
  first: ArrayLike<number>,
  second: ArrayLike<number>,
  options: KolmogorovSmirnovOptions = {},
): KolmogorovSmirnovResult {
  const alternative = options.alternative ?? 'two-sided';
  const x = Float64Array.from(first).sort();
  const y = Float64Array.from(second).sort();
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('kolmogorovSmirnovTest: both samples must be non-empty');
  if (x.some(Number.isNaN) || y.some(Number.isNaN))
    throw new RangeError('kolmogorovSmirnovTest: NaN in a sample');
  // Walk the merged sample in order and track F1 − F2 (right-continuous cdfs), keeping the first
  // position of the extremes as numpy's argmax/argmin over concatenate([x, y]) would.
  const all = new Float64Array(n1 + n2);
  all.set(x);
  all.set(y, n1);
  let maximum = Number.NEGATIVE_INFINITY;
  let minimum = Number.POSITIVE_INFINITY;
  let maximumAt = 0;
  let minimumAt = 0;
  for (let index = 0; index < all.length; index++) {
    const value = all[index]!;
    const difference = upperBound(x, value) / n1 - upperBound(y, value) / n2;
    if (difference > maximum) {
      maximum = difference;
      maximumAt = value;
    }
    if (difference < minimum) {
      minimum = difference;
      minimumAt = value;
    }
  }
  const minusStatistic = Math.min(1, Math.max(0, -minimum));
  let d: number;
  let location: number;
  let sign: 1 | -1;
  if (alternative === 'less' || (alternative === 'two-sided' && minusStatistic > maximum)) {
    d = minusStatistic;
    location = minimumAt;
    sign = -1;
  } else {
    d = maximum;
    location = maximumAt;
    sign = 1;
  }
  const g = greatestCommonDivisor(n1, n2);
  let method = options.method ?? 'auto';
  if (method === 'auto') method = Math.max(n1, n2) <= AUTO_LIMIT ? 'exact' : 'asymptotic';
  else if (method === 'exact' && n1 / g >= INT32_MAX / (n2 / g)) method = 'asymptotic';
  if (method === 'exact') {
    const exact = exactProbability(n1, n2, g, d, alternative);
    if (exact !== null) {
      return {
        statistic: exact.d,
        pValue: exact.probability,
        statisticLocation: location,
        statisticSign: sign,
        method,
      };
    }
    method = 'asymptotic';
  }
  const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
  const effective = (m * n) / (m + n);
  let probability: number;
  if (alternative === 'two-sided') {
    probability = kolmogorovDistribution(roundHalfEven(effective), d, false);
  } else {
    const z = Math.sqrt(effective) * d;
    probability = Math.exp(-2 * z * z - (2 * z * (m + 2 * n)) / Math.sqrt(m * n * (m + n)) / 3);
  }
  return {
    statistic: d,
    pValue: Math.min(1, Math.max(0, probability)),
    statisticLocation: location,
    statisticSign: sign,
    method: 'asymptotic',
  };
}

function upperBound(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function greatestCommonDivisor(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

function exactProbability(
  n1: number,
  n2: number,
  g: number,
  statistic: number,
  alternative: Alternative,
): { d: number; probability: number } | null {
  const lcm = (n1 / g) * n2;
  const h = roundHalfEven(statistic * lcm);
  const d = h / lcm;
  if (h === 0) return { d, probability: 1 };
  let probability: number;
  if (alternative === 'two-sided') {
    probability = n1 === n2 ? probabilityOutsideSquare(n1, h) : outerProbabilityInside(n1, n2, g, h);
  } else if (n1 === n2) {
    probability = 1;
    for (let j = 0; j < h; j++) probability *= (n1 - j) / (n1 + j + 1);
  } else {
    const paths = countPathsOutside(n1, n2, g, h);
    const total = Math.exp(logBinomialCoefficient(n1 + n2, n1));
    if (!Number.isFinite(paths) || !Number.isFinite(total) || paths > total) return null;
    probability = paths / total;
  }
  if (!(probability >= 0 && probability <= 1)) return null;
  return { d, probability };
}

/** `P(D_{n,n} ≥ h/n)` for equal sample sizes, by a Horner-like alternating sum. */
function probabilityOutsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let term = 1;
    for (let j = 0; j < h; j++) term = ((n - k * h - j) * term) / (n + k * h + j + 1);
    p = term * (1 - p);
  }
  return 2 * p;
}

/** `1 − P(paths stay strictly inside |x/m − y/n| < h/lcm)`, computed directly (Viehmann 2021). */
function outerProbabilityInside(first: number, second: number, g: number, h: number): number {
  const [m, n] = first >= second ? [first, second] : [second, first];
  const mg = m / g;
  const ng = n / g;
  let minJ = 0;
  let maxJ = Math.min(Math.ceil(h / mg), n + 1);
  let currentLength = maxJ - minJ;
  const lengthA = Math.min(2 * maxJ + 2, n + 1);
  const a = new Float64Array(lengthA).fill(1);
  for (let index = minJ; index < maxJ; index++) a[index] = 0;
  for (let i = 1; i <= m; i++) {
    const lastMinJ = minJ;
    const lastLength = currentLength;
    minJ = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxJ = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxJ <= minJ) return 1;
    let value = minJ === 0 ? 0 : 1;
    for (let jj = 0; jj < maxJ - minJ; jj++) {
      const j = jj + minJ;
      value = (a[jj + minJ - lastMinJ]! * i + value * j) / (i + j);
      a[jj] = value;
    }
    currentLength = maxJ - minJ;
    if (lastLength > currentLength) {
      for (let index = maxJ - minJ; index < maxJ - minJ + (lastLength - currentLength); index++) a[index] = 1;
    }
  }
  return a[maxJ - minJ - 1]!;
}

/** Number of lattice paths from (0,0) to (m,n) that reach `m y ≤ n x − h g` (Hodges 1958). */
function countPathsOutside(first: number, second: number, g: number, h: number): number {
  const [m, n] = first >= second ? [first, second] : [second, first];
  const mg = m / g;
  const ng = n / g;
  const binomial = (top: number, bottom: number): number =>
    Math.round(Math.exp(logBinomialCoefficient(top, bottom)));
  const count = n + Math.floor((mg - h) / mg);
  if (count <= 0) return binomial(m + n, n);
  const xj = Array.from({ length: count }, (_, j) => Math.floor((h + mg * j + ng - 1) / ng));
  const b = new Float64Array(count);
  b[0] = 1;
  for (let j = 1; j < count; j++) {
    let value = binomial(xj[j]! + j, j);
    for (let i = 0; i < j; i++) value -= binomial(xj[j]! - xj[i]! + j - i, j - i) * b[i]!;
    b[j] = value;
  }
  let paths = 0;
  for (let j = 0; j < count; j++) paths += b[j]! * binomial(m - xj[j]! + (n - j), n - j);
  return paths;
}
