import type { RandomSource } from './random-source.js';

/**
 * A standard normal variate (Marsaglia's polar method; the second value of each pair is
 * discarded to keep the function stateless).
 */
export function sampleNormal(random: RandomSource): number {
  for (;;) {
    const u = 2 * random.nextDouble() - 1;
    const v = 2 * random.nextDouble() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/**
 * A Gamma(shape, 1) variate: Marsaglia & Tsang (2000) for shape ≥ 1, with the `U^{1/shape}`
 * boost for shape < 1.
 * @param shape > 0
 */
export function sampleGamma(random: RandomSource, shape: number): number {
  if (!(shape > 0)) throw new RangeError(`sampleGamma: shape must be > 0, got ${shape}`);
  if (shape < 1) {
    const boost = random.nextDouble() ** (1 / shape);
    return sampleGamma(random, shape + 1) * boost;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random.nextDouble();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A Beta(a, b) variate as `G_a / (G_a + G_b)`. */
export function sampleBeta(random: RandomSource, a: number, b: number): number {
  const x = sampleGamma(random, a);
  const y = sampleGamma(random, b);
  return x / (x + y);
}

const INVERSION_LIMIT = 16;

/**
 * A Binomial(trials, probability) variate, exact in distribution. Sequential-search inversion when
 * `trials · min(p, 1 − p)` is small; otherwise the order-statistic split of Knuth (TAOCP vol. 2,
 * §3.4.1): the median of `trials` uniforms is a Beta variate, and the count below `p` recurses on
 * one half. Cost O(log trials), so a bootstrap of a proportion over a million observations needs
 * one draw per resample instead of a million.
 * @param trials non-negative integer
 * @param probability in [0, 1]
 */
export function sampleBinomial(random: RandomSource, trials: number, probability: number): number {
  if (!(trials >= 0) || !Number.isInteger(trials)) {
    throw new RangeError(`sampleBinomial: trials must be a non-negative integer, got ${trials}`);
  }
  if (!(probability >= 0 && probability <= 1)) {
    throw new RangeError(`sampleBinomial: probability must be in [0, 1], got ${probability}`);
  }
  let count = 0;
  let n = trials;
  let p = probability;
  // Each loop either finishes by inversion or halves n.
  for (;;) {
    if (n === 0 || p === 0) return count;
    if (p === 1) return count + n;
    if (n * Math.min(p, 1 - p) < INVERSION_LIMIT) {
      const draw = p <= 0.5 ? inversion(random, n, p) : n - inversion(random, n, 1 - p);
      return count + draw;
    }
    const a = 1 + Math.floor(n / 2);
    const b = n + 1 - a;
    const median = sampleBeta(random, a, b);
    if (median >= p) {
      n = a - 1;
      p = p / median;
    } else {
      count += a;
      n = b - 1;
      p = (p - median) / (1 - median);
    }
  }
}

function inversion(random: RandomSource, n: number, p: number): number {
  const q = 1 - p;
  const ratio = p / q;
  let probability = Math.exp(n * Math.log1p(-p));
  let u = random.nextDouble();
  let k = 0;
  while (u > probability && k < n) {
    u -= probability;
    probability *= (ratio * (n - k)) / (k + 1);
    k += 1;
  }
  return k;
}

/**
 * A multinomial draw of `trials` over `probabilities` (summing to 1) by sequential conditional
 * binomials; writes counts into `into` when given. Used to resample a confusion matrix or a
 * histogram of an i.i.d. sample without touching each observation.
 */
export function sampleMultinomial(
  random: RandomSource,
  trials: number,
  probabilities: ArrayLike<number>,
  into?: Float64Array,
): Float64Array {
  const counts = into ?? new Float64Array(probabilities.length);
  let remainingTrials = trials;
  let remainingMass = 1;
  for (let index = 0; index < probabilities.length; index++) {
    const mass = probabilities[index]!;
    if (index === probabilities.length - 1 || remainingTrials === 0) {
      counts[index] = index === probabilities.length - 1 ? remainingTrials : 0;
      continue;
    }
    const conditional = remainingMass > 0 ? Math.min(1, Math.max(0, mass / remainingMass)) : 0;
    const draw = sampleBinomial(random, remainingTrials, conditional);
    counts[index] = draw;
    remainingTrials -= draw;
    remainingMass -= mass;
  }
  return counts;
}
