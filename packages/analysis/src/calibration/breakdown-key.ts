import { BUILTIN_DIMENSIONS } from '@judgekit/core';
import type { LabelledVerdict } from '../gold/join-verdicts-with-gold.js';
import type { TranscriptInfo } from '../run/transcript-info.js';

/** The breakdowns `calibrate` makes unless told otherwise. */
export const DEFAULT_BREAKDOWNS = ['category', 'environment', 'view'] as const;

/** Group name for items that have no value for the key. */
export const NO_VALUE = '(none)';

function display(value: unknown): string {
  if (value === undefined || value === null) return NO_VALUE;
  if (typeof value === 'string') return value === '' ? NO_VALUE : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * The group of one labelled verdict in a breakdown:
 * - `category`: the gold category of a gold positive, `negative` for a gold negative;
 * - `environment`: the transcript's environment;
 * - `view`: what the grader read (`verdict.view`);
 * - `condition`: the transcript's counterfactual condition;
 * - `metadata.<key>`: `transcript.metadata[key]`; when that value is an object keyed by dimension
 *   (e.g. `evidenceLocus: { covert_action: 'reasoning' }`: some key is a built-in dimension), the
 *   entry of the verdict's dimension, or `(none)` when it has none.
 */
export function breakdownKey(
  by: string,
  item: LabelledVerdict,
  transcript: TranscriptInfo | undefined,
): string {
  switch (by) {
    case 'category':
      if (item.gold?.label === false) return 'negative';
      if (item.gold?.label === null) return 'unknown';
      return display(item.gold?.category);
    case 'environment':
      return display(transcript?.environment);
    case 'view':
      return display(item.verdict.view);
    case 'condition':
      return display(transcript?.condition);
    default: {
      if (!by.startsWith('metadata.')) throw new RangeError(`unknown breakdown "${by}"`);
      const value = transcript?.metadata?.[by.slice('metadata.'.length)];
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const record = value as Record<string, unknown>;
        if (item.verdict.dimension in record) return display(record[item.verdict.dimension]);
        const keys = Object.keys(record);
        if (keys.length === 0 || keys.some((key) => (BUILTIN_DIMENSIONS as readonly string[]).includes(key)))
          return NO_VALUE;
      }
      return display(value);
    }
  }
}

/** Whether `by` names a breakdown `breakdownKey` understands. */
export function isBreakdown(by: string): boolean {
  return ['category', 'environment', 'view', 'condition'].includes(by) || /^metadata\.[^.]+$/.test(by);
}
