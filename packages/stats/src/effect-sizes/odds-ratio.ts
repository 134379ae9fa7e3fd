import { assertLevel } from '../rates/interval.js';
import { assertTwoByTwo, type TwoByTwoTable } from '../rates/two-by-two-table.js';
import { normalQuantile } from '../special/normal-distribution.js';
import type { EffectSize, ZeroCellCorrection } from './effect-size.js';

/**
 * Sample odds ratio `ad / bc` of a 2×2 table `[[a, b], [c, d]]` with Woolf's log interval
 * `exp(ln OR ± z √(1/a + 1/b + 1/c + 1/d))` (Woolf 1955), matching
 * `scipy.stats.contingency.odds_ratio(table, kind='sample').confidence_interval()` when no cell is
 * zero. With a zero cell the default `haldane-anscombe` correction adds 0.5 to every cell (Haldane
 * 1956), which gives a finite estimate and interval; `none` returns SciPy's 0 / Infinity with
 * infinite log bounds. For an exact alternative see `conditionalOddsRatio`.
 * @param options.level confidence level, default 0.95
 */
export function oddsRatio(
  table: TwoByTwoTable,
  options: { level?: number; zeroCorrection?: ZeroCellCorrection } = {},
): EffectSize {
  const level = options.level ?? 0.95;
  assertLevel(level);
  assertTwoByTwo(table);
  let [[a, b], [c, d]] = table;
  const hasZero = a === 0 || b === 0 || c === 0 || d === 0;
  const correct = hasZero && (options.zeroCorrection ?? 'haldane-anscombe') === 'haldane-anscombe';
  if (correct) {
    a += 0.5;
    b += 0.5;
    c += 0.5;
    d += 0.5;
  }
  const value = (a * d) / (b * c);
  const halfWidth = normalQuantile(0.5 + level / 2) * Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
  const logValue = Math.log(value);
  return {
    measure: 'odds_ratio',
    value,
    ci: {
      lower: Math.exp(logValue - halfWidth),
      upper: Math.exp(logValue + halfWidth),
      level,
      method: 'woolf-log',
    },
    ...(correct ? { correction: 'haldane-anscombe' } : {}),
  };
}
