import type { Interval } from '@judgekit/core';
import type { Estimate } from './calibration-report-schema.js';

/** Settings shared by every interval `calibrate` computes. */
export interface IntervalSettings {
  /** Confidence level, e.g. 0.95. */
  level: number;
  /** Bootstrap resamples. */
  resamples: number;
  /** Seed of the bootstrap generator: the same seed gives the same intervals. */
  seed: number;
}

/** A point estimate with an interval, `null` where the value or a bound is not a finite number. */
export function toEstimate(value: number, ci: Interval | null | undefined): Estimate {
  if (!Number.isFinite(value)) return { value: null, ci: null };
  if (!ci || !Number.isFinite(ci.lower) || !Number.isFinite(ci.upper)) return { value, ci: null };
  return {
    value,
    ci: { lower: ci.lower, upper: ci.upper, level: ci.level, ...(ci.method ? { method: ci.method } : {}) },
  };
}
