import { ConfigError, type GoldLabel } from '@judgekit/core';
import { labelKey } from './label-key.js';

/** Options of `indexGoldLabels`. */
export interface IndexGoldLabelsOptions {
  /** Keep only this annotator's labels. Without it, two labels for one key are an error. */
  annotator?: string;
}

/**
 * Indexes gold labels by (transcript, dimension). Several annotators' labels for one key must be
 * told apart with `annotator`: calibration needs exactly one reference per item.
 */
export function indexGoldLabels(
  gold: readonly GoldLabel[],
  options: IndexGoldLabelsOptions = {},
): Map<string, GoldLabel> {
  const index = new Map<string, GoldLabel>();
  for (const label of gold) {
    if (options.annotator !== undefined && label.annotator !== options.annotator) continue;
    const key = labelKey(label.transcriptId, label.dimension);
    const previous = index.get(key);
    if (previous && previous.annotator !== label.annotator)
      throw new ConfigError({
        path: 'gold',
        reason:
          `two gold labels for ${label.transcriptId} / ${label.dimension} (annotators ` +
          `${previous.annotator} and ${label.annotator}); choose one annotator`,
      });
    if (previous)
      throw new ConfigError({
        path: 'gold',
        reason: `duplicate gold label for ${label.transcriptId} / ${label.dimension} by ${label.annotator}`,
      });
    index.set(key, label);
  }
  return index;
}
