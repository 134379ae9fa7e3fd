import { bootstrapInterval, jackknifeAcceleration } from './bootstrap-interval.js';
import type { BootstrapOptions, BootstrapResult } from './bootstrap-result.js';

/**
 * Turns replicates into a `BootstrapResult`: NaN replicates are counted and dropped; when BCa is
 * asked for but the jackknife is degenerate (all values equal, or NaN) the percentile interval is
 * returned and its `method` says so.
 */
export function summarizeReplicates(
  estimate: number,
  replicates: Float64Array,
  jackknife: () => { values: Float64Array; weights?: Float64Array },
  options: BootstrapOptions,
): BootstrapResult {
  const finite = replicates.filter((value) => !Number.isNaN(value));
  const undefinedReplicates = replicates.length - finite.length;
  const level = options.level ?? 0.95;
  let method = options.method ?? 'bca';
  let acceleration: number | undefined;
  if (method === 'bca') {
    const { values, weights } = jackknife();
    const first = values[0];
    if (values.some(Number.isNaN) || values.every((value) => value === first) || Number.isNaN(estimate)) {
      method = 'percentile';
    } else {
      acceleration = jackknifeAcceleration(values, weights);
    }
  }
  if (finite.length < 2) {
    return {
      estimate,
      ci: { lower: Number.NaN, upper: Number.NaN, level, method: `bootstrap-${method}` },
      standardError: Number.NaN,
      replicates,
      undefinedReplicates,
    };
  }
  const result = bootstrapInterval({ replicates: finite, estimate, acceleration, level, method });
  return { estimate, ci: result.ci, standardError: result.standardError, replicates, undefinedReplicates };
}
