import { Semaphore } from './semaphore.js';
import { TokenBucket } from './token-bucket.js';

/** Limits on calls to one provider account. */
export interface RateLimits {
  /** Calls in flight at once; default 8. */
  concurrency?: number;
  /** Calls started per minute, spread evenly (one second's worth may start at once). */
  requestsPerMinute?: number;
  /**
   * Tokens per minute. Each call reserves its estimated tokens (prompt characters / 4 plus the
   * output limit, as providers count it) and is corrected to the reported usage afterwards.
   */
  tokensPerMinute?: number;
}

/** Bounds concurrency, request rate and token rate of the calls it runs. Share one across models. */
export interface RateLimiter {
  /** Runs `task` when the limits allow; `task` returns its result and the tokens it really used. */
  run<T>(estimatedTokens: number, task: () => Promise<{ result: T; tokens: number }>): Promise<T>;
}

/** Creates a rate limiter; limits left out are not enforced (concurrency defaults to 8). */
export function createRateLimiter(limits: RateLimits = {}): RateLimiter {
  const slots = new Semaphore(Math.max(1, Math.floor(limits.concurrency ?? 8)));
  const requests = limits.requestsPerMinute ? new TokenBucket(limits.requestsPerMinute) : undefined;
  const tokens = limits.tokensPerMinute ? new TokenBucket(limits.tokensPerMinute) : undefined;
  return {
    async run(estimatedTokens, task) {
      await slots.acquire();
      let used: number | undefined;
      try {
        await requests?.take(1);
        await tokens?.take(estimatedTokens);
        const outcome = await task();
        used = outcome.tokens;
        return outcome.result;
      } finally {
        if (used !== undefined) tokens?.adjust(used - estimatedTokens);
        slots.release();
      }
    },
  };
}
