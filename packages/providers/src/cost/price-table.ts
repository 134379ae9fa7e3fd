import { z } from 'zod';

/** Prices of one model in US dollars per million tokens, as the provider publishes them. */
export const ModelPriceSchema = z.object({
  input: z.number().nonnegative(),
  output: z.number().nonnegative(),
  /** Input tokens read from the provider's prompt cache. */
  cachedInput: z.number().nonnegative().optional(),
  /** Input tokens written to the prompt cache (Anthropic `cache_creation_input_tokens`). */
  cacheWrite: z.number().nonnegative().optional(),
  /** Factor applied to every rate for batch API calls, e.g. 0.5. */
  batchMultiplier: z.number().positive().max(1).optional(),
});

/**
 * Prices by model name: `provider:model` exactly (`openai:gpt-4.1-mini`), or `provider:*` for
 * every model of a provider (e.g. `compatible:*` at 0 for a local server). Nothing is guessed:
 * a model without an entry has no cost, and the call says so in its notes.
 */
export const PriceTableSchema = z.record(z.string(), ModelPriceSchema);

export type ModelPrice = z.infer<typeof ModelPriceSchema>;
export type PriceTable = z.infer<typeof PriceTableSchema>;
