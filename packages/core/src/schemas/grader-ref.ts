import { z } from 'zod';

/** Which configured grader produced a verdict or finding. */
export const GraderRefSchema = z.object({
  /** The configured name, unique within a run (defaults to the plugin id). */
  name: z.string().min(1),
  /** The plugin id, e.g. `rules.eval-awareness`. */
  id: z.string().min(1),
  /** The plugin version. */
  version: z.string().min(1),
});

export type GraderRef = z.infer<typeof GraderRefSchema>;
