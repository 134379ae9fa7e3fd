import { z } from 'zod';

/**
 * One rater's rating of one item, in long format: the common input of the agreement tools.
 * Verdicts, gold labels and public multi-rater datasets all convert to ratings.
 */
export const RatingSchema = z.object({
  /** The rated item, e.g. a transcript id (with the dimension, when several are rated). */
  itemId: z.string().min(1),
  /** Who rated: a grader name, an annotator id. */
  rater: z.string().min(1),
  /** Nominal (string/boolean), interval (number) or missing (`null`). */
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
});

export type Rating = z.infer<typeof RatingSchema>;
