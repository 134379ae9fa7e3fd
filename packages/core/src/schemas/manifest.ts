import { z } from 'zod';

/** The format tag of a run directory's manifest. */
export const RUN_FORMAT = 'judgekit.run/v1';

/** A configured grader as recorded in a run manifest. */
export const ManifestGraderSchema = z.object({
  name: z.string(),
  id: z.string(),
  version: z.string(),
  kind: z.enum(['rule', 'llm-judge', 'distribution']),
  options: z.unknown(),
});

/** An input file of a run, hashed so a resume can check the input did not change. */
export const ManifestInputSchema = z.object({
  path: z.string(),
  sha256: z.string(),
  bytes: z.number().int().nonnegative(),
});

/** An input record that was skipped as invalid (`--on-invalid skip`). */
export const SkippedRecordSchema = z.object({
  file: z.string().optional(),
  line: z.number().int().optional(),
  /** The entry inside the file (a zip entry of an Inspect `.eval` log), when there is one. */
  entry: z.string().optional(),
  path: z.string().optional(),
  reason: z.string(),
});

/** `manifest.json` of a run directory. */
export const RunManifestSchema = z.object({
  format: z.literal(RUN_FORMAT),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: z.enum(['running', 'complete', 'aborted', 'failed']),
  versions: z.record(z.string(), z.string()),
  graders: z.array(ManifestGraderSchema),
  inputs: z.array(ManifestInputSchema),
  settings: z.object({
    concurrency: z.number().int().positive(),
    onInvalid: z.enum(['fail', 'skip']),
  }),
  counts: z.object({
    transcripts: z.number().int().nonnegative(),
    verdicts: z.number().int().nonnegative(),
    errors: z.number().int().nonnegative(),
    abstentions: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
    findings: z.number().int().nonnegative(),
  }),
  /** The first skipped records (at most 1000; `counts.skipped` has the total). */
  skipped: z.array(SkippedRecordSchema),
  resumedAt: z.array(z.string()).default([]),
});

export type ManifestGrader = z.infer<typeof ManifestGraderSchema>;
export type ManifestInput = z.infer<typeof ManifestInputSchema>;
export type SkippedRecord = z.infer<typeof SkippedRecordSchema>;
export type RunManifest = z.infer<typeof RunManifestSchema>;
