import type { BootstrapOptions, BootstrapResult } from './bootstrap-result.js';
import { indexBootstrap } from './index-bootstrap.js';

/**
 * One-sample i.i.d. bootstrap of any statistic of the values (e.g. a median), with a percentile
 * or BCa interval (`scipy.stats.bootstrap` on one sample, with our own generator, so the
 * replicates differ from SciPy's while the interval formulas are the same).
 */
export function bootstrap(
  values: ArrayLike<number>,
  statistic: (sample: Float64Array) => number,
  options: BootstrapOptions = {},
): BootstrapResult {
  const data = Float64Array.from(values);
  const buffer = new Float64Array(data.length);
  return indexBootstrap({
    ...options,
    size: data.length,
    statistic: (indices) => {
      const sample = indices.length === buffer.length ? buffer : new Float64Array(indices.length);
      for (let index = 0; index < indices.length; index++) sample[index] = data[indices[index]!]!;
      return statistic(sample);
    },
  });
}
