import { logBeta } from './log-gamma.js';

const EPSILON = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 100_000;

/**
 * Regularized incomplete beta function `I_x(a, b)`, in [0, 1]: the beta cdf, and through it the
 * binomial, Student t and F distributions. Lentz's continued fraction with the symmetry
 * `I_x(a, b) = 1 − I_{1−x}(b, a)` (Numerical Recipes §6.4); relative error about 1e-14.
 * @param x argument in [0, 1]
 * @param a first shape, > 0
 * @param b second shape, > 0
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) throw new RangeError(`incomplete beta: shapes must be > 0, got ${a}, ${b}`);
  if (!(x >= 0 && x <= 1)) throw new RangeError(`incomplete beta: x must be in [0, 1], got ${x}`);
  if (x === 0) return 0;
  if (x === 1) return 1;
  if (x < (a + 1) / (a + b + 2)) return (betaFront(x, a, b) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (betaFront(1 - x, b, a) * betaContinuedFraction(1 - x, b, a)) / b;
}

/**
 * `1 − I_x(a, b)` computed without cancellation when it is small (the upper tail of the beta).
 * @param x argument in [0, 1]
 * @param a first shape, > 0
 * @param b second shape, > 0
 */
export function regularizedBetaComplement(x: number, a: number, b: number): number {
  return regularizedBeta(1 - x, b, a);
}

function betaFront(x: number, a: number, b: number): number {
  return Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b));
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let fraction = d;
  for (let m = 1; m < MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    fraction *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return fraction;
}

/**
 * Inverse of the regularized incomplete beta: the `x` in [0, 1] with `I_x(a, b) = probability`
 * (the beta quantile). Bracketed Newton iteration to relative accuracy ~1e-15; used by the
 * Clopper-Pearson interval.
 * @param probability in [0, 1]
 * @param a first shape, > 0
 * @param b second shape, > 0
 */
export function inverseRegularizedBeta(probability: number, a: number, b: number): number {
  if (!(probability >= 0 && probability <= 1)) {
    throw new RangeError(`inverse beta: probability must be in [0, 1], got ${probability}`);
  }
  if (probability === 0) return 0;
  if (probability === 1) return 1;
  let low = 0;
  let high = 1;
  let x = a / (a + b);
  const logNormalizer = logBeta(a, b);
  for (let iteration = 0; iteration < 2000; iteration++) {
    const value = regularizedBeta(x, a, b) - probability;
    if (value === 0) return x;
    if (value < 0) low = x;
    else high = x;
    const density = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logNormalizer);
    let next = x - value / density;
    if (!(next > low && next < high)) next = (low + high) / 2;
    if (Math.abs(next - x) <= 2e-16 * Math.min(next, 1 - next) || high - low <= 1e-300) return next;
    x = next;
  }
  return x;
}
