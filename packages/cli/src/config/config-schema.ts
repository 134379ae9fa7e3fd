import { z } from 'zod';

/** A grader in the config: a plugin id, or an object naming it with options. */
export const GraderEntrySchema = z.union([
  z.string().min(1),
  z
    .object({
      use: z.string().min(1),
      name: z.string().min(1).optional(),
      options: z.record(z.string(), z.unknown()).optional(),
    })
    .strict(),
]);

/** `judgekit.config.*` / `package.json#judgekit`. Unknown keys are errors, so typos are caught. */
export const JudgekitConfigSchema = z
  .object({
    /** npm package names or file paths of third-party grader plugins to load. */
    plugins: z.array(z.string().min(1)).default([]),
    /** Graders `judgekit grade` uses when `--graders` is not given. */
    graders: z.array(GraderEntrySchema).optional(),
    /** Units (transcript × grader) in progress at once; default 16. Keep it above an LLM judge's `concurrency`. */
    concurrency: z.number().int().positive().optional(),
    /** Where LLM-judge responses are cached. */
    cacheDir: z.string().optional(),
    /** What to do with invalid input records. */
    onInvalid: z.enum(['fail', 'skip']).optional(),
  })
  .strict();

export type GraderEntry = z.infer<typeof GraderEntrySchema>;
export type JudgekitConfig = z.infer<typeof JudgekitConfigSchema>;
