import { type GoldLabel, GoldLabelSchema } from '@judgekit/core';
import { parseJsonlRecords } from '../io/parse-jsonl-records.js';

/**
 * Parses a labels JSONL text (one core `GoldLabel` per line; blank lines ignored). An invalid
 * line is a `ConfigError` naming the file, the line and the field.
 * @param file the file name used in error messages
 */
export function parseGoldLabels(text: string, file: string): GoldLabel[] {
  return parseJsonlRecords(text, GoldLabelSchema, { file });
}
