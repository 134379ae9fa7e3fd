/** One generated token with its log probability and the most likely alternatives at its position. */
export interface TokenLogprob {
  token: string;
  /** Natural log of the token's probability. */
  logprob: number;
  /** The most likely tokens at this position (including, usually, the chosen one). */
  topLogprobs: { token: string; logprob: number }[];
}
