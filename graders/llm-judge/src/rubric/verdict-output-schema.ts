import { z } from 'zod';
import { RUBRIC_CATEGORIES, type RubricDimension } from './rubric-dimensions.js';

/** One quote the judge gives as evidence. Every field is required (`.nullable()`, never `.optional()`), as OpenAI strict mode needs. */
export const JudgeEvidenceSchema = z.object({
  /** The message number N from the header `[FENCE-ID] #N …`. */
  message: z.number().int(),
  /** Copied exactly from that message. */
  quote: z.string(),
});

/** The judge's answer for one dimension; fields in the order the model writes them (evidence, then reasons, then label). */
export function dimensionAnswerSchema(dimension: RubricDimension) {
  return z.object({
    evidence: z.array(JudgeEvidenceSchema),
    rationale: z.string(),
    category: z.enum(RUBRIC_CATEGORIES[dimension]).nullable(),
    label: z.boolean(),
  });
}

/** The judge's answer for one dimension. */
export type DimensionAnswer = {
  evidence: { message: number; quote: string }[];
  rationale: string;
  category: string | null;
  label: boolean;
};

/** The judge's answer: one object per dimension asked, keyed by the dimension's name. */
export type JudgeAnswer = Partial<Record<RubricDimension, DimensionAnswer>>;

const memo = new Map<string, z.ZodType<JudgeAnswer>>();

/**
 * The answer schema for a set of dimensions, e.g. `{ covert_action: {...} }` for one and all three
 * keys for the combined grader. Memoized, so the provider derives its JSON Schema once.
 */
export function judgeAnswerSchema(dimensions: readonly RubricDimension[]): z.ZodType<JudgeAnswer> {
  const key = dimensions.join(',');
  let schema = memo.get(key);
  if (!schema) {
    schema = z.object(
      Object.fromEntries(dimensions.map((dimension) => [dimension, dimensionAnswerSchema(dimension)])),
    ) as unknown as z.ZodType<JudgeAnswer>;
    memo.set(key, schema);
  }
  return schema;
}
