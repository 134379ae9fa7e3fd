import { createRateLimiter, type RateLimiter, type RateLimits } from './rate-limiter.js';

/** What calls share a limiter: the same model at the same endpoint. */
export interface LimiterScope {
  provider: string;
  model: string;
  baseURL: string;
}

const limiters = new Map<string, RateLimiter>();

/**
 * The rate limiter of every judge model in this process that calls the same model at the same
 * endpoint with the same limits: several graders on one judge (the per-dimension graders of a run)
 * share its `concurrency` and per-minute limits instead of each spending them in full. Models with
 * different limits keep their own limiter; the API key is not part of the scope (it is read only
 * when a call is made), so two keys on one endpoint and model share one, the cautious side.
 */
export function sharedRateLimiter(scope: LimiterScope, limits: RateLimits): RateLimiter {
  const key = JSON.stringify([
    scope.provider,
    scope.model,
    scope.baseURL,
    limits.concurrency ?? null,
    limits.requestsPerMinute ?? null,
    limits.tokensPerMinute ?? null,
  ]);
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = createRateLimiter(limits);
    limiters.set(key, limiter);
  }
  return limiter;
}
