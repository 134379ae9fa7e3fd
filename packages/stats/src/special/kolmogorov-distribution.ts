import { logBinomialCoefficient, logGamma } from './log-gamma.js';

// Ported from SciPy's scipy/stats/_ksstats.py (BSD-3-Clause), which follows Simard & L'Ecuyer
// (2011), "Computing the two-sided Kolmogorov-Smirnov distribution", J. Stat. Software 39(11).

const SCALE_EXPONENT = 128;
const BIG = 2 ** SCALE_EXPONENT;
const SMALL = 2 ** -SCALE_EXPONENT;
const SQRT_TWO_PI = Math.sqrt(2 * Math.PI);
const MIN_LOG = -708;
const PI_SQUARED = Math.PI ** 2;
const PI_FOUR = Math.PI ** 4;
const PI_SIX = Math.PI ** 6;

const clip = (p: number): number => Math.min(1, Math.max(0, p));
const select = (cdfProbability: number, survival: number, cdf: boolean): number =>
  clip(cdf ? cdfProbability : survival);

/**
 * Exact one-sided Kolmogorov-Smirnov tail `P(D⁺_n ≥ d)` (SciPy's `scipy.special.smirnov`), by the
 * Birnbaum-Tingey sum `d Σ_j C(n, j) (1 − d − j/n)^(n−j) (d + j/n)^(j−1)` in log space.
 * @param n sample size, positive integer
 * @param d statistic in [0, 1]
 */
export function smirnovSurvival(n: number, d: number): number {
  if (d <= 0) return 1;
  if (d >= 1) return 0;
  const last = Math.floor(n * (1 - d));
  const nd = n * d;
  let total = 0;
  for (let j = 0; j <= last; j++) {
    const remaining = n - j - nd;
    if (remaining <= 0) {
      if (n - j === 0) total += Math.exp(logBinomialCoefficient(n, j) + (j - 1) * Math.log(d + j / n));
      continue;
    }
    const logTerm =
      logBinomialCoefficient(n, j) + (n - j) * Math.log(remaining / n) + (j - 1) * Math.log((nd + j) / n);
    total += Math.exp(logTerm);
  }
  return clip(d * total);
}

function logFactorialOverPower(n: number): number {
  return logGamma(n + 1) - n * Math.log(n);
}

function durbinMatrix(n: number, d: number, cdf: boolean): number {
  if (d >= 1) return select(1, 0, cdf);
  const nd = n * d;
  if (nd <= 0.5) return select(0, 1, cdf);
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let factor = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = factor;
    factor /= j;
    v[j - 1] = (1 - h ** j) * factor;
  }
  const tt = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
  v[m - 1] = (1 + tt) * factor;
  let matrix: Float64Array = new Float64Array(m * m);
  for (let i = 1; i < m; i++) {
    for (let row = i - 1; row < m; row++) matrix[row * m + i] = w[row - (i - 1)]!;
  }
  for (let row = 0; row < m; row++) matrix[row * m] = v[row]!;
  for (let column = 0; column < m; column++) matrix[(m - 1) * m + column] = v[m - 1 - column]!;
  let power: Float64Array = new Float64Array(m * m);
  for (let index = 0; index < m; index++) power[index * m + index] = 1;
  let remaining = n;
  let exponent = 0;
  let matrixExponent = 0;
  while (remaining > 0) {
    if (remaining % 2) {
      power = multiply(power, matrix, m);
      exponent += matrixExponent;
    }
    matrix = multiply(matrix, matrix, m);
    matrixExponent *= 2;
    if (Math.abs(matrix[(k - 1) * m + (k - 1)]!) > BIG) {
      for (let index = 0; index < matrix.length; index++) matrix[index]! /= BIG;
      matrixExponent += SCALE_EXPONENT;
    }
    remaining = Math.floor(remaining / 2);
  }
  let p = power[(k - 1) * m + (k - 1)]!;
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < SMALL) {
      p *= BIG;
      exponent -= SCALE_EXPONENT;
    }
  }
  if (exponent !== 0) p *= 2 ** exponent;
  return select(p, 1 - p, cdf);
}

function multiply(left: Float64Array, right: Float64Array, size: number): Float64Array {
  const result = new Float64Array(size * size);
  for (let row = 0; row < size; row++) {
    for (let inner = 0; inner < size; inner++) {
      const value = left[row * size + inner]!;
      if (value === 0) continue;
      for (let column = 0; column < size; column++) {
        result[row * size + column]! += value * right[inner * size + column]!;
      }
    }
  }
  return result;
}

function pomeranzBounds(i: number, n: number, ll: number, ceilf: number, roundf: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const half = Math.floor((i + 1) / 2);
    const odd = (i + 1) % 2;
    if (odd === 0) {
      if (half === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = half - 1 - ll - roundf - 1;
        j2 = half + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = half - 1 - ll - 1;
      j2 = half + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

function pomeranz(n: number, x: number, cdf: boolean): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const powers = 2 * (ll + 1);
  const gPower = new Float64Array(powers);
  const twoGPower = new Float64Array(powers);
  const oneMinusTwoGPower = new Float64Array(powers);
  gPower[0] = 1;
  twoGPower[0] = 1;
  oneMinusTwoGPower[0] = 1;
  let exponent = 0;
  for (let m = 1; m < powers; m++) {
    gPower[m] = (gPower[m - 1]! * (g / n)) / m;
    twoGPower[m] = (twoGPower[m - 1]! * ((2 * g) / n)) / m;
    oneMinusTwoGPower[m] = (oneMinusTwoGPower[m - 1]! * ((1 - 2 * g) / n)) / m;
  }
  let v0 = new Float64Array(powers);
  let v1 = new Float64Array(powers);
  v1[0] = 1;
  let v0Start = 0;
  let v1Start = 0;
  let [j1, j2] = pomeranzBounds(0, n, ll, ceilf, roundf);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [v0, v1] = [v1, v0];
    [v0Start, v1Start] = [v1Start, v0Start];
    v1.fill(0);
    [j1, j2] = pomeranzBounds(i, n, ll, ceilf, roundf);
    const weights = i === 1 || i === 2 * n + 1 ? gPower : i % 2 ? twoGPower : oneMinusTwoGPower;
    const length = j2 - k1 + 1;
    if (length > 0) {
      const offset = k1 - v0Start;
      const convolutionStart = j1 - k1;
      const convolutionLength = j2 - j1 + 1;
      const segmentLength = Math.min(length, powers - offset);
      let largest = 0;
      for (let out = 0; out < convolutionLength; out++) {
        const position = convolutionStart + out;
        let sum = 0;
        for (let a = Math.max(0, position - (length - 1)); a <= Math.min(position, segmentLength - 1); a++) {
          sum += v0[offset + a]! * weights[position - a]!;
        }
        v1[out] = sum;
        largest = Math.max(largest, sum);
      }
      if (largest > 0 && largest < SMALL) {
        for (let index = 0; index < v1.length; index++) v1[index]! *= BIG;
        exponent -= SCALE_EXPONENT;
      }
      v1Start = v0Start + j1 - k1;
    }
  }
  let answer = v1[n - v1Start]!;
  for (let m = 1; m <= n; m++) {
    if (Math.abs(answer) > BIG) {
      answer *= SMALL;
      exponent += SCALE_EXPONENT;
    }
    answer *= m;
  }
  if (exponent !== 0) answer *= 2 ** exponent;
  return select(answer, 1 - answer, cdf);
}

function pelzGood(n: number, x: number, cdf: boolean): number {
  if (x <= 0) return select(0, 1, cdf);
  if (x >= 1) return select(1, 0, cdf);
  const z = Math.sqrt(n) * x;
  const z2 = z * z;
  const z3 = z2 * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const qLog = -PI_SQUARED / 8 / z2;
  if (qLog < MIN_LOG) return select(0, 1, cdf);
  let q = Math.exp(qLog);
  const k1a = -z2;
  const k1b = PI_SQUARED / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = ((2 * z4 - 5 * z2) * PI_SQUARED) / 4;
  const k2c = (PI_FOUR * (1 - 2 * z2)) / 16;
  const k3d = (PI_SIX * (5 - 30 * z2)) / 64;
  const k3c = (PI_FOUR * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI_SQUARED * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;
  const terms = [0, 0, 0, 0];
  const maxK = Math.ceil((16 * z) / Math.PI);
  for (let k = maxK; k > 0; k--) {
    const m = 2 * k - 1;
    const m2 = m * m;
    const m4 = m2 * m2;
    const m6 = m4 * m2;
    const qPower = q ** (8 * k);
    const coefficients = [1, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6];
    for (let index = 0; index < 4; index++) terms[index] = terms[index]! * qPower + coefficients[index]!;
  }
  const divisors = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let index = 0; index < 4; index++) terms[index] = (terms[index]! * q * SQRT_TWO_PI) / divisors[index]!;
  q = Math.exp(-PI_SQUARED / 2 / z2);
  let extra2 = 0;
  let extra3 = 0;
  const sqrt3z = Math.sqrt(3) * z;
  for (let k = maxK; k > 0; k--) {
    const k2 = k * k;
    const qPower = q ** k2;
    extra2 += k2 * qPower;
    const kPi = Math.PI * k;
    extra3 += (sqrt3z + kPi) * (sqrt3z - kPi) * k2 * qPower;
  }
  terms[2] = terms[2]! + (extra2 * PI_SQUARED * SQRT_TWO_PI) / (-36 * z3);
  terms[3] = terms[3]! + (extra3 * PI_SQUARED * SQRT_TWO_PI) / (216 * z6);
  for (let index = 0; index < 4; index++) terms[index] = terms[index]! / n ** (index / 2);
  if (!cdf) {
    for (let index = 0; index < 4; index++) terms[index] = -terms[index]!;
    terms[0] = terms[0]! + 1;
  }
  return terms[0]! + terms[1]! + terms[2]! + terms[3]!;
}

/**
 * Distribution of the two-sided one-sample Kolmogorov-Smirnov statistic `D_n` (SciPy's `kstwo`):
 * `P(D_n ≤ x)` when `cdf`, else `P(D_n > x)`. Chooses, as SciPy does, among the Ruben-Gambino
 * closed forms, the Durbin matrix (Marsaglia-Tsang-Wang 2003), Pomeranz's recursion, the exact
 * one-sided Smirnov tail and the Pelz-Good asymptotic series. Used by the asymptotic two-sample
 * test (`kstwo.sf(d, round(n1 n2 / (n1 + n2)))`).
 * @param n sample size, positive integer
 * @param x statistic in [0, 1]
 */
export function kolmogorovDistribution(n: number, x: number, cdf: boolean): number {
  if (!(n > 0) || !Number.isInteger(n)) return Number.NaN;
  if (x >= 1) return select(1, 0, cdf);
  if (x <= 0) return select(0, 1, cdf);
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return select(0, 1, cdf);
    let probability: number;
    if (n <= 140) {
      probability = 1;
      for (let i = 1; i <= n; i++) probability *= i * (1 / n) * (2 * t - 1);
    } else {
      probability = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    }
    return select(probability, 1 - probability, cdf);
  }
  if (t >= n - 1) {
    const probability = 2 * (1 - x) ** n;
    return select(1 - probability, probability, cdf);
  }
  if (x >= 0.5) {
    const probability = 2 * smirnovSurvival(n, x);
    return select(1 - probability, probability, cdf);
  }
  const nxSquared = t * x;
  if (n <= 140) {
    if (nxSquared <= 0.754693) {
      const probability = durbinMatrix(n, x, true);
      return select(probability, 1 - probability, cdf);
    }
    if (nxSquared <= 4) {
      const probability = pomeranz(n, x, true);
      return select(probability, 1 - probability, cdf);
    }
    const probability = 2 * smirnovSurvival(n, x);
    return select(1 - probability, probability, cdf);
  }
  if (!cdf) {
    if (nxSquared >= 370) return 0;
    if (nxSquared >= 2.2) return clip(2 * smirnovSurvival(n, x));
  }
  let cdfProbability: number;
  if (nxSquared >= 18) cdfProbability = 1;
  else if (n <= 100_000 && n * x ** 1.5 <= 1.4) cdfProbability = durbinMatrix(n, x, true);
  else cdfProbability = pelzGood(n, x, true);
  return select(cdfProbability, 1 - cdfProbability, cdf);
}
