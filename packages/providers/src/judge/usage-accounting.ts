import type { Usage } from '@judgekit/core';
import type { CallCost } from '../cost/call-cost.js';
import type { WireAnswer } from '../protocols/wire-protocol.js';

/** What one exchange spent now: nothing when served from cache, else its tokens and cost. */
export function spentUsage(answer: WireAnswer, cached: boolean, cost: CallCost): Usage {
  if (cached) return { inputTokens: 0, outputTokens: 0, calls: 0, cacheHits: 1, costUSD: 0 };
  const usage: Usage = {
    inputTokens: answer.tokens.input,
    outputTokens: answer.tokens.output,
    cachedInputTokens: answer.tokens.cachedInput,
    calls: 1,
    cacheHits: 0,
  };
  if ('costUSD' in cost) usage.costUSD = cost.costUSD;
  return usage;
}

/** The tokens an answer took when it was produced, whenever that was. */
export function answerUsage(answer: WireAnswer): Usage {
  return {
    inputTokens: answer.tokens.input,
    outputTokens: answer.tokens.output,
    cachedInputTokens: answer.tokens.cachedInput,
  };
}

/** Sums two usages; the cost stays known only if both are known. */
export function addUsage(a: Usage, b: Usage): Usage {
  const sum: Usage = {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cachedInputTokens: (a.cachedInputTokens ?? 0) + (b.cachedInputTokens ?? 0),
    calls: (a.calls ?? 0) + (b.calls ?? 0),
    cacheHits: (a.cacheHits ?? 0) + (b.cacheHits ?? 0),
  };
  if (a.costUSD !== undefined && b.costUSD !== undefined) sum.costUSD = a.costUSD + b.costUSD;
  return sum;
}
