import { readFile } from 'node:fs/promises';
import { ConfigError, type Rating, RatingSchema } from '@judgekit/core';
import { parseJsonlRecords } from '../io/parse-jsonl-records.js';

/** Parses long-format ratings JSONL (one core `Rating` a line; blank lines ignored). */
export function parseRatings(text: string, file: string): Rating[] {
  return parseJsonlRecords(text, RatingSchema, { file, hint: 'expected a rating { itemId, rater, value }' });
}

/** Reads a ratings JSONL file: any multi-rater data (human annotators, judges, public datasets). */
export async function readRatings(file: string): Promise<Rating[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError({ file, reason: `cannot read ratings: ${(error as Error).message}`, cause: error });
  }
  return parseRatings(text, file);
}
