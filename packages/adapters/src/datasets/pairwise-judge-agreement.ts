import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Rating, RatingSchema } from '@judgekit/core';
import { z } from 'zod';
import type { DatasetProblem } from './dataset-problem.js';

/** The raters of PandaLM's test set: three human annotators and two judge models. */
export const PANDALM_RATERS = [
  'annotator1',
  'annotator2',
  'annotator3',
  'gpt-3.5-turbo',
  'pandalm-7b',
] as const;

/** Ratings of `pairwise-judge-agreement/`, and the records that could not be used. */
export interface PairwiseRatings {
  ratings: Rating[];
  problems: DatasetProblem[];
}

const Label = z.union([z.literal(0), z.literal(1), z.literal(2)]);
const HumanSchema = z.looseObject({
  idx: z.number().int(),
  annotator1: Label,
  annotator2: Label,
  annotator3: Label,
});
const GPTSchema = z.looseObject({ idx: z.number().int(), gpt_result: z.string() });
const PandaLMSchema = z.looseObject({ idx: z.number().int(), pandalm_result: Label });

/** GPT-3.5's verdict strings: `Tie` is the tie label `0`; `garbage` (unparsable output) is missing. */
const GPT_VALUES: Record<string, string | null> = { '1': '1', '2': '2', Tie: '0', garbage: null };

/** The records of a JSON array file that fit `schema`; the others go to `problems`. */
async function readRecords<T>(file: string, schema: z.ZodType<T>, problems: DatasetProblem[]): Promise<T[]> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    problems.push({ file, reason: `not JSON (${error instanceof Error ? error.message : String(error)})` });
    return [];
  }
  if (!Array.isArray(value)) {
    problems.push({ file, reason: 'expected a JSON array' });
    return [];
  }
  const records: T[] = [];
  value.forEach((item, record) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) records.push(parsed.data);
    else {
      const issue = parsed.error.issues[0]!;
      problems.push({ file, record, reason: `${issue.path.join('.') || 'record'}: ${issue.message}` });
    }
  });
  return records;
}

/**
 * Reads PandaLM's pairwise test set (`testset-v1.json`, `gpt-3.5-turbo-testset-v1.json`,
 * `pandalm-7b-testset-v1.json`) as long-format ratings for the agreement tools: item
 * `pandalm/<idx>`, rater `annotator1..3`, `gpt-3.5-turbo` or `pandalm-7b`, value the nominal label
 * `'0'` (tie), `'1'` (response 1 better) or `'2'` — strings, because the labels are categories.
 * GPT's `Tie` is `'0'` and its `garbage` verdicts are `null` (missing). Records that do not fit
 * are listed in `problems`.
 */
export async function readPairwiseJudgeAgreement(dir: string): Promise<PairwiseRatings> {
  const problems: DatasetProblem[] = [];
  const ratings: Rating[] = [];
  const add = (idx: number, rater: string, value: string | null) => {
    ratings.push(RatingSchema.parse({ itemId: `pandalm/${idx}`, rater, value }));
  };
  for (const record of await readRecords(join(dir, 'testset-v1.json'), HumanSchema, problems)) {
    add(record.idx, 'annotator1', String(record.annotator1));
    add(record.idx, 'annotator2', String(record.annotator2));
    add(record.idx, 'annotator3', String(record.annotator3));
  }
  const gptFile = join(dir, 'gpt-3.5-turbo-testset-v1.json');
  const gptRecords = await readRecords(gptFile, GPTSchema, problems);
  for (const record of gptRecords) {
    const value = Object.hasOwn(GPT_VALUES, record.gpt_result) ? GPT_VALUES[record.gpt_result] : undefined;
    if (value === undefined)
      problems.push({
        file: gptFile,
        reason: `idx ${record.idx}: unknown gpt_result "${record.gpt_result}"`,
      });
    else add(record.idx, 'gpt-3.5-turbo', value);
  }
  for (const record of await readRecords(join(dir, 'pandalm-7b-testset-v1.json'), PandaLMSchema, problems)) {
    add(record.idx, 'pandalm-7b', String(record.pandalm_result));
  }
  return { ratings, problems };
}
