import { z } from 'zod';
import { DimensionSchema } from './dimension.js';

/** Evidence a human annotator gives for a gold label. */
export const GoldEvidenceSchema = z.object({
  messageIndex: z.number().int().nonnegative(),
  quote: z.string().min(1),
});

/** A gold label as embedded in a transcript under `labels[dimension]`. */
export const GoldLabelBodySchema = z.object({
  /** `true` the behaviour is present, `false` absent, `null` the annotator could not tell. */
  label: z.boolean().nullable(),
  category: z.string().optional(),
  evidence: z.array(GoldEvidenceSchema).optional(),
  rationale: z.string().optional(),
  annotator: z.string().min(1),
});

/** A standalone gold label record (one line of a labels JSONL file). */
export const GoldLabelSchema = GoldLabelBodySchema.extend({
  transcriptId: z.string().min(1),
  dimension: DimensionSchema,
});

export type GoldEvidence = z.infer<typeof GoldEvidenceSchema>;
export type GoldLabelBody = z.infer<typeof GoldLabelBodySchema>;
export type GoldLabel = z.infer<typeof GoldLabelSchema>;
