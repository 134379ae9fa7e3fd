import type { Interval } from '../rates/interval.js';

/** An effect size with its interval, ready for a `Finding`'s `effect`. */
export interface EffectSize {
  /** e.g. `risk_difference`, `risk_ratio`, `odds_ratio`, `cohens_h`, `cliffs_delta`. */
  measure: string;
  value: number;
  ci?: Interval;
  /** Set when a correction changed the data, e.g. `haldane-anscombe` for zero cells. */
  correction?: string;
}

/** What to do with a zero count in a ratio measure. */
export type ZeroCellCorrection = 'haldane-anscombe' | 'none';
