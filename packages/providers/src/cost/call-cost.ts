import type { PriceTable } from './price-table.js';

/** Token counts of one provider answer; `input` includes cached and cache-written tokens. */
export interface TokenCounts {
  input: number;
  output: number;
  cachedInput: number;
  cacheWrite: number;
}

/** The cost of one call in US dollars, or why it is unknown. */
export type CallCost = { costUSD: number } | { note: string };

/** Prices one call from the table; any token class without a rate makes the whole cost unknown. */
export function callCost(options: {
  provider: string;
  model: string;
  tokens: TokenCounts;
  prices: PriceTable | undefined;
  batch: boolean;
}): CallCost {
  const { provider, model, tokens, batch } = options;
  const ref = `${provider}:${model}`;
  const price = options.prices?.[ref] ?? options.prices?.[`${provider}:*`];
  if (!price) return { note: `no price for ${ref} in the price table: cost not computed` };
  if (tokens.cachedInput > 0 && price.cachedInput === undefined) {
    return { note: `no cachedInput price for ${ref}: cost not computed` };
  }
  if (tokens.cacheWrite > 0 && price.cacheWrite === undefined) {
    return { note: `no cacheWrite price for ${ref}: cost not computed` };
  }
  if (batch && price.batchMultiplier === undefined) {
    return { note: `no batchMultiplier for ${ref}: batch cost not computed` };
  }
  const uncached = tokens.input - tokens.cachedInput - tokens.cacheWrite;
  const perMillion =
    uncached * price.input +
    tokens.cachedInput * (price.cachedInput ?? 0) +
    tokens.cacheWrite * (price.cacheWrite ?? 0) +
    tokens.output * price.output;
  const multiplier = batch ? (price.batchMultiplier ?? 1) : 1;
  return { costUSD: (perMillion * multiplier) / 1_000_000 };
}
