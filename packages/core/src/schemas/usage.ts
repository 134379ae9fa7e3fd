import { z } from 'zod';

/** Tokens and money spent to produce a verdict. */
export const UsageSchema = z.object({
  inputTokens: z.number().nonnegative().default(0),
  outputTokens: z.number().nonnegative().default(0),
  /** Input tokens read from the provider's prompt cache (billed at a discount). */
  cachedInputTokens: z.number().nonnegative().optional(),
  /** Input tokens written to the provider's prompt cache (Anthropic bills them at a premium). */
  cacheWriteInputTokens: z.number().nonnegative().optional(),
  /** Model calls actually made (0 when answered from cache). */
  calls: z.number().int().nonnegative().optional(),
  /** Calls answered from the response cache. */
  cacheHits: z.number().int().nonnegative().optional(),
  /** Cost in US dollars from the configured price table; absent when no price is known. */
  costUSD: z.number().nonnegative().optional(),
});

export type Usage = z.infer<typeof UsageSchema>;
