import { z } from 'zod';

/** A character range `[start, end)` in the canonical text of one message (see `messageText`). */
export const SpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

/** A quote a grader points at as evidence. */
export const EvidenceSchema = z.object({
  /** Index of the message in `transcript.messages`. */
  messageIndex: z.number().int().nonnegative(),
  /** The quoted text, exactly as it should occur in that message. */
  quote: z.string(),
  /** Where the quote occurs in the message's canonical text, once verified. */
  span: SpanSchema.optional(),
  /** Whether the quote was found in that message (`true`), not found (`false`), or not checked yet. */
  verified: z.boolean().optional(),
  /** `exact`, or `normalized` when it matched only after whitespace and quote-mark normalization. */
  match: z.enum(['exact', 'normalized']).optional(),
  /** Free text: what this evidence shows. */
  note: z.string().optional(),
});

export type Span = z.infer<typeof SpanSchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
