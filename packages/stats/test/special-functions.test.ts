import { describe, it } from 'vitest';
import { binomialCdf, binomialSurvival } from '../src/special/binomial-distribution.js';
import { chiSquareCdf, chiSquareSurvival } from '../src/special/chi-square-distribution.js';
import { hypergeometricLogPmf } from '../src/special/hypergeometric-distribution.js';
import { inverseRegularizedBeta, regularizedBeta } from '../src/special/incomplete-beta.js';
import { regularizedGammaLower, regularizedGammaUpper } from '../src/special/incomplete-gamma.js';
import { kolmogorovDistribution, smirnovSurvival } from '../src/special/kolmogorov-distribution.js';
import { logGamma } from '../src/special/log-gamma.js';
import { normalCdf, normalQuantile } from '../src/special/normal-distribution.js';
import { studentTCdf } from '../src/special/student-t-distribution.js';
import { expectClose, loadVectors } from './helpers/vectors.js';

interface SpecialCase {
  function: string;
  args: number[];
  expected: number;
}

const implementations: Record<string, (...args: number[]) => number> = {
  logGamma: (x) => logGamma(x!),
  regularizedBeta: (x, a, b) => regularizedBeta(x!, a!, b!),
  regularizedGammaLower: (a, x) => regularizedGammaLower(a!, x!),
  regularizedGammaUpper: (a, x) => regularizedGammaUpper(a!, x!),
  normalCdf: (x) => normalCdf(x!),
  normalQuantile: (p) => normalQuantile(p!),
  chiSquareSurvival: (x, k) => chiSquareSurvival(x!, k!),
  chiSquareCdf: (x, k) => chiSquareCdf(x!, k!),
  studentTCdf: (t, df) => studentTCdf(t!, df!),
  inverseRegularizedBeta: (p, a, b) => inverseRegularizedBeta(p!, a!, b!),
  binomialCdf: (k, n, p) => binomialCdf(k!, n!, p!),
  binomialSurvival: (k, n, p) => binomialSurvival(k!, n!, p!),
  hypergeometricLogPmf: (k, population, successes, draws) =>
    hypergeometricLogPmf(k!, { population: population!, successes: successes!, draws: draws! }),
  kolmogorovSurvival: (n, x) => kolmogorovDistribution(n!, x!, false),
  kolmogorovCdf: (n, x) => kolmogorovDistribution(n!, x!, true),
  smirnovSurvival: (n, x) => smirnovSurvival(n!, x!),
};

describe('special functions match SciPy', () => {
  const cases = loadVectors<SpecialCase>('special');
  for (const name of Object.keys(implementations)) {
    it(`${name} agrees with SciPy to 1e-9 relative`, () => {
      const mine = cases.filter((testCase) => testCase.function === name);
      if (mine.length === 0) throw new Error(`no vectors for ${name}`);
      for (const testCase of mine) {
        const actual = implementations[name]!(...testCase.args);
        expectClose(actual, testCase.expected, name, `${name}(${testCase.args.join(', ')})`);
      }
    });
  }
});
