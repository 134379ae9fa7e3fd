import { z } from 'zod';
import { DimensionSchema } from './dimension.js';
import { ErrorInfoSchema } from './error-info.js';
import { EvidenceSchema } from './evidence.js';
import { GraderRefSchema } from './grader-ref.js';
import { UsageSchema } from './usage.js';
import { ViewSchema } from './view.js';

const verdictDraft = z.object({
  dimension: DimensionSchema,
  /** `true` present, `false` absent, `null` abstained (or failed, see `error`). */
  label: z.boolean().nullable(),
  /** Probability-like score of the positive label, in [0, 1]. */
  score: z.number().min(0).max(1).optional(),
  category: z.string().optional(),
  evidence: z.array(EvidenceSchema).default([]),
  rationale: z.string().optional(),
  view: ViewSchema.optional(),
  usage: UsageSchema.optional(),
  /** How the verdict was made: rubric hash, judge model id, sampling settings, rule ids. */
  provenance: z.record(z.string(), z.unknown()).optional(),
  error: ErrorInfoSchema.optional(),
});

/**
 * What a grader returns for one dimension; the runner adds identity, timing and quote checks.
 * Compiled (`z.compile`): the runner parses every draft a grader returns; an invalid draft falls
 * back to the regular parser, so its error is the same.
 */
export const VerdictDraftSchema = z.compile(verdictDraft);

/**
 * One grader's answer for one transcript and one dimension. Compiled (`z.compile`): run
 * directories are read a verdict at a time; a valid verdict takes zod's generated fast path and an
 * invalid one the regular parser, so errors are the same.
 */
export const VerdictSchema = z.compile(
  verdictDraft.extend({
    transcriptId: z.string().min(1),
    grader: GraderRefSchema,
    /**
     * When the grader started and how long it took. Every verdict judgekit's runner makes has it; a
     * verdict made outside judgekit (imported from a dataset or another harness) that recorded no
     * time leaves it out rather than carry a made-up one.
     */
    timing: z
      .object({
        startedAt: z.string(),
        durationMs: z.number().nonnegative(),
      })
      .optional(),
  }),
);

export type VerdictDraft = z.input<typeof VerdictDraftSchema>;
export type Verdict = z.infer<typeof VerdictSchema>;
