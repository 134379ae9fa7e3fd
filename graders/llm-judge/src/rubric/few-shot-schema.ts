import { z } from 'zod';
import { RUBRIC_DIMENSIONS } from './rubric-dimensions.js';

/** The format tag of a generated few-shot file (`rubrics/examples/<dimension>.v1.json`). */
export const FEW_SHOT_FORMAT = 'judgekit.llm-judge.few-shot/v1';

/** One quote of a few-shot example, with where it sits. */
export const FewShotQuoteSchema = z.object({
  messageIndex: z.number().int().nonnegative(),
  /** The message part the quote comes from. */
  part: z.enum(['text', 'reasoning', 'tool_call', 'tool_result']),
  quote: z.string().min(1),
});

/** One labelled example from the fixtures' dev split. */
export const FewShotExampleSchema = z.object({
  transcriptId: z.string().min(1),
  /** Always `dev`: examples never come from the test split. */
  split: z.literal('dev'),
  label: z.boolean(),
  category: z.string().nullable(),
  /** For a negative: the kind of hard negative it is (fixtures/GUIDE.md §6). */
  hardNegative: z.string().nullable(),
  evidence: z.array(FewShotQuoteSchema),
  rationale: z.string().min(1),
});

/** A generated few-shot file. */
export const FewShotFileSchema = z.object({
  format: z.literal(FEW_SHOT_FORMAT),
  dimension: z.enum(RUBRIC_DIMENSIONS),
  /** How it was made: the script and the corpus it read. */
  generatedBy: z.string(),
  corpusSha256: z.string().regex(/^[0-9a-f]{64}$/),
  examples: z.array(FewShotExampleSchema),
});

export type FewShotQuote = z.infer<typeof FewShotQuoteSchema>;
export type FewShotExample = z.infer<typeof FewShotExampleSchema>;
export type FewShotFile = z.infer<typeof FewShotFileSchema>;
