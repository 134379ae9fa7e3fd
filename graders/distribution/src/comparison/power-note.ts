import { powerNote } from '@judgekit/stats';
import { meanDifferencePowerNote } from '../statistics/mean-difference-power.js';
import type { PowerInput } from './comparison-analysis.js';

/**
 * The power note of one comparison, or null when n suffices to detect `minimumEffect` with the
 * target power at level `alpha` (the per-test level after the correction). Rates use
 * `powerNote` of `@judgekit/stats` from the control rate; continuous metrics the normal
 * approximation with the pooled within-condition standard deviation.
 */
export function comparisonPowerNote(
  input: PowerInput,
  settings: {
    alpha: number;
    minimumEffect: number;
    targetPower: number;
    alternative: 'two-sided' | 'greater' | 'less';
  },
  levelNote: string,
): string | null {
  if (settings.minimumEffect === 0 || input.n1 === 0 || input.n2 === 0) return null;
  const alternative = settings.alternative === 'two-sided' ? 'two-sided' : 'one-sided';
  let note: string | null;
  if (input.kind === 'rate') {
    const baseline = Number(Math.min(1, Math.max(0, input.baseline)).toFixed(4));
    const downward =
      settings.alternative === 'less' ||
      (settings.alternative === 'two-sided' && baseline + settings.minimumEffect >= 1);
    note = powerNote({
      baseline,
      minimumEffect: downward ? -settings.minimumEffect : settings.minimumEffect,
      n1: input.n1,
      n2: input.n2,
      alpha: settings.alpha,
      power: settings.targetPower,
      alternative,
    }).note;
  } else {
    if (!Number.isFinite(input.standardDeviation)) return null;
    note = meanDifferencePowerNote({
      standardDeviation: input.standardDeviation,
      minimumEffect: settings.minimumEffect,
      n1: input.n1,
      n2: input.n2,
      alpha: settings.alpha,
      power: settings.targetPower,
      alternative,
    }).note;
  }
  return note === null ? null : `${note} ${levelNote}`;
}
