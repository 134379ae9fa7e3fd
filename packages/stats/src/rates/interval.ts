/**
 * A two-sided interval at `level` (e.g. 0.95), the same shape as `Interval` in `@judgekit/core`
 * so results drop straight into a `Finding`.
 */
export interface Interval {
  lower: number;
  upper: number;
  /** Confidence level in (0, 1). */
  level: number;
  /** How it was computed, e.g. `wilson`, `clopper-pearson`, `bootstrap-bca`. */
  method?: string;
}

/** Hypothesis direction shared by every test: `greater` means the first sample is larger. */
export type Alternative = 'two-sided' | 'greater' | 'less';

/** Throws a `RangeError` unless `level` is a confidence level in (0, 1). */
export function assertLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be in (0, 1), got ${level}`);
}

/** Throws a `RangeError` unless `successes` and `trials` are counts with `successes ≤ trials`, `trials > 0`. */
export function assertCounts(successes: number, trials: number): void {
  if (
    !Number.isInteger(successes) ||
    !Number.isInteger(trials) ||
    successes < 0 ||
    trials <= 0 ||
    successes > trials
  ) {
    throw new RangeError(
      `expected integer counts 0 <= successes <= trials, trials > 0; got ${successes}/${trials}`,
    );
  }
}
