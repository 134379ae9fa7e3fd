import { readFile } from 'node:fs/promises';
import { ConfigError, formatIssuePath, type Rating, RatingSchema } from '@judgekit/core';

/** Parses long-format ratings JSONL (one core `Rating` a line; blank lines ignored). */
export function parseRatings(text: string, file: string): Rating[] {
  const ratings: Rating[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new ConfigError({ file, path: `line ${index + 1}`, reason: 'not JSON', cause: error });
    }
    const parsed = RatingSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ConfigError({
        file,
        path: `line ${index + 1} at ${formatIssuePath(issue.path)}`,
        reason: `${issue.message} (expected a rating { itemId, rater, value })`,
      });
    }
    ratings.push(parsed.data);
  });
  return ratings;
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
