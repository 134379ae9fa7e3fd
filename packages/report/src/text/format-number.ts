import type { Estimate } from '@judgekit/analysis';

/** A number with `digits` decimals, or `n/a` when undefined. */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits);
}

/** A share as a percentage, or `n/a`. */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? 'n/a'
    : `${(value * 100).toFixed(digits)}%`;
}

/** `0.812 [0.701, 0.889]`, or the value alone when it has no interval. */
export function formatEstimate(estimate: Estimate, digits = 3): string {
  if (estimate.value === null) return 'n/a';
  if (!estimate.ci) return formatNumber(estimate.value, digits);
  return `${formatNumber(estimate.value, digits)} [${formatNumber(estimate.ci.lower, digits)}, ${formatNumber(estimate.ci.upper, digits)}]`;
}

/** `12.0% [8.1%, 17.3%]`, or the value alone when it has no interval. */
export function formatPercentEstimate(estimate: Estimate, digits = 1): string {
  if (estimate.value === null) return 'n/a';
  if (!estimate.ci) return formatPercent(estimate.value, digits);
  return `${formatPercent(estimate.value, digits)} [${formatPercent(estimate.ci.lower, digits)}, ${formatPercent(estimate.ci.upper, digits)}]`;
}
