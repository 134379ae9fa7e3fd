import type { WireTokenLogprob } from './test-server-types.js';

/**
 * Splits a text into word-like tokens (leading whitespace attached, punctuation alone), each
 * certain (`logprob` 0) with itself as the only alternative. Joined, the tokens give the text.
 */
export function tokenizeForLogprobs(text: string): WireTokenLogprob[] {
  const tokens = text.match(/\s*(?:[A-Za-z0-9_]+|[^\sA-Za-z0-9_])|\s+/g) ?? [];
  return tokens.map((token) => ({ token, logprob: 0, top_logprobs: [{ token, logprob: 0 }] }));
}
