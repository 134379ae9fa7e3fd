import type { Usage } from '@judgekit/core';

/** Sums usages; `costUSD` stays only when every part with calls was priced. */
export function sumUsage(usages: readonly Usage[]): Usage {
  const sum: Required<Omit<Usage, 'costUSD'>> & { costUSD?: number } = {
    inputTokens: 0,
    outputTokens: 0,
    cachedInputTokens: 0,
    cacheWriteInputTokens: 0,
    calls: 0,
    cacheHits: 0,
  };
  let cost: number | undefined = 0;
  for (const usage of usages) {
    sum.inputTokens += usage.inputTokens;
    sum.outputTokens += usage.outputTokens;
    sum.cachedInputTokens += usage.cachedInputTokens ?? 0;
    sum.cacheWriteInputTokens += usage.cacheWriteInputTokens ?? 0;
    sum.calls += usage.calls ?? 0;
    sum.cacheHits += usage.cacheHits ?? 0;
    if (usage.costUSD === undefined) {
      if ((usage.calls ?? 0) > 0) cost = undefined;
    } else if (cost !== undefined) cost += usage.costUSD;
  }
  if (cost !== undefined) sum.costUSD = cost;
  return sum;
}

/** A usage that spent nothing: recorded on the other verdicts of a call whose usage sits on one verdict. */
export const NO_USAGE: Usage = { inputTokens: 0, outputTokens: 0, calls: 0, cacheHits: 0, costUSD: 0 };
