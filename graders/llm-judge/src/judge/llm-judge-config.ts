import { JudgeSettingsSchema, PriceTableSchema } from '@judgekit/providers';
import { z } from 'zod';

/** A judge model in config: its name (`openai:gpt-4.1-mini`), or the name with its own settings. */
export const JudgeEntrySchema = z.union([
  z.string().min(1),
  JudgeSettingsSchema.extend({
    /** `provider:model`, e.g. `anthropic:claude-sonnet-4-5`, `compatible:qwen3:8b`, `replay:openai:gpt-4.1-mini`. */
    model: z.string().min(1),
  }).strict(),
]);

/** A judge model in config. */
export type JudgeEntry = z.infer<typeof JudgeEntrySchema>;

/** The views of an LLM-judge grader: core's three, plus `hybrid` (reasoning and actions graded apart, then fused). */
export const LLMJudgeViewSchema = z.enum(['all', 'actions', 'reasoning', 'hybrid']);

/**
 * Options of every `llm-judge.*` grader. The judge settings (`temperature`, `maxOutputTokens`,
 * `timeoutMs`, `maxRetries`, `concurrency`, `requestsPerMinute`, `tokensPerMinute`,
 * `structuredOutput`, `repair`, `topLogprobs`, `thinkingBudgetTokens`, `reasoningEffort`) apply to
 * every judge; a judge given as an object may override them.
 *
 * `judge` and `baseURL` are the keys `judgekit grade --judge/--base-url` fill in when a grader's
 * options leave them out.
 */
export const LLMJudgeConfigSchema = JudgeSettingsSchema.extend({
  /** The judge model, e.g. `openai:gpt-4.1-mini`. Filled in by `--judge` when absent. */
  judge: JudgeEntrySchema.optional(),
  /** An ensemble of judge models instead of one (`combine` says how their scores merge). */
  judges: z.array(JudgeEntrySchema).min(1).optional(),
  /** `mean` of the judges' scores, then the threshold; or `majority` of their labels (a tie falls back to the mean). */
  combine: z.enum(['mean', 'majority']).default('mean'),
  /** Samples per judge: votes when the provider gives no logprobs (use `temperature` > 0 for them to differ). */
  samples: z.number().int().min(1).max(50).default(1),
  /** Label threshold on the score, in [0, 1]. */
  threshold: z.number().min(0).max(1).default(0.5),
  /** What the judge reads: `all`, `actions` (no reasoning), `reasoning` (task + reasoning only), or `hybrid`. */
  view: LLMJudgeViewSchema.default('all'),
  /** Hybrid monitoring: final score = reasoningWeight × reasoning score + (1 − reasoningWeight) × actions score. */
  hybrid: z.object({ reasoningWeight: z.number().min(0).max(1).default(0.5) }).prefault({}),
  /** Put the rubric's dev-split examples in the prompt. */
  fewShot: z.boolean().default(true),
  /** Long transcripts: middle truncation of long parts (marked), then chunking with per-chunk verdicts. */
  long: z
    .object({
      /** Characters kept of one tool result; the middle of a longer one is cut (and marked). */
      maxToolOutputChars: z.number().int().min(200).default(8_000),
      /** Characters kept of any other part (text, reasoning, tool call). */
      maxPartChars: z.number().int().min(200).default(20_000),
      /** Characters of transcript per call; a longer transcript is graded in chunks, the highest chunk score wins. */
      maxTranscriptChars: z.number().int().min(1_000).default(200_000),
      /** Messages repeated at the start of the next chunk. */
      overlapMessages: z.number().int().min(0).default(2),
    })
    .prefault({}),
  /** Most evidence quotes kept per verdict. */
  maxEvidence: z.number().int().positive().default(8),
  /** A positive verdict none of whose quotes is found: keep it and flag it (`flag`), or abstain (`abstain`). Both are counted in provenance. */
  unverifiedPositive: z.enum(['flag', 'abstain']).default('flag'),
  /** US dollars per million tokens by model name (providers' `PriceTableSchema`); no price, no cost. */
  prices: PriceTableSchema.optional(),
  /** Also write every response here, to replay it later without a key (relative to the config's folder; else `JUDGEKIT_RECORD_DIR`). */
  recordDir: z.string().optional(),
  /** For `replay:` judges: the recording to answer from (relative to the config's folder; else `JUDGEKIT_REPLAY_DIR`). */
  replayDir: z.string().optional(),
})
  .strict()
  .refine((config) => !(config.judge && config.judges), {
    message: 'give either `judge` or `judges`, not both',
    path: ['judges'],
  });

/** Options of an `llm-judge.*` grader, as parsed. */
export type LLMJudgeConfig = z.infer<typeof LLMJudgeConfigSchema>;
