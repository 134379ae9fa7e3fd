import { describe, expect, it } from 'vitest';
import { createJudgeModel, createRateLimiter, type RateLimiter } from '../src/index.js';
import { reply } from '../src/testing/index.js';
import { GOOD_VERDICT, readTree, TEST_KEY, tempDir, useTestServer, verdictRequest } from './support.js';

describe('concurrency and rate limits', () => {
  const server = useTestServer();
  const judge = async (options = {}) =>
    createJudgeModel('openai:gpt-4.1-mini', {
      env: {},
      apiKey: TEST_KEY,
      baseURL: server().openaiBaseURL,
      cacheDir: await tempDir(),
      ...options,
    });
  const many = (count: number) =>
    Array.from({ length: count }, (_, index) => verdictRequest(`transcript ${index}`));
  const offsets = () => {
    const arrivals = server()
      .modelCalls()
      .map((call) => call.receivedAt);
    return arrivals.map((time) => time - arrivals[0]!);
  };

  it('keeps at most `concurrency` calls in flight', async () => {
    server().handle(() => reply(GOOD_VERDICT, { delayMs: 40 }));
    const model = await judge({ concurrency: 3 });
    await Promise.all(many(12).map((request) => model.complete(request)));
    expect(server().modelCalls()).toHaveLength(12);
    expect(server().maxConcurrent).toBe(3);
  });

  it('spreads requests per minute evenly: one second of budget at once, then 1/rate apart', async () => {
    server().handle(() => reply(GOOD_VERDICT));
    const model = await judge({ requestsPerMinute: 600, concurrency: 50 });
    const started = Date.now();
    await Promise.all(many(15).map((request) => model.complete(request)));
    const elapsed = Date.now() - started;
    const arrivals = server()
      .modelCalls()
      .map((call) => call.receivedAt - started)
      .sort((a, b) => a - b);
    // 600/min = 10/s: ten may start at once, the 11th..15th follow at 100 ms steps. Measured from the
    // client's start (the same clock), with lower bounds only: machine load can only add delay.
    expect(elapsed).toBeGreaterThanOrEqual(490);
    expect(arrivals[10]!).toBeGreaterThanOrEqual(90);
    expect(arrivals[14]!).toBeGreaterThanOrEqual(490);
  });

  it('holds calls back by their estimated tokens under a tokens-per-minute limit', async () => {
    server().handle(() => reply(GOOD_VERDICT, { usage: { input: 100, output: 4900 } }));
    // 1.2M tokens/min = 20k/s; each call reserves ~5.1k (prompt / 4 + 5000 output tokens).
    const model = await judge({ tokensPerMinute: 1_200_000, maxOutputTokens: 5000, concurrency: 50 });
    const started = Date.now();
    await Promise.all(many(6).map((request) => model.complete(request)));
    const times = offsets().sort((a, b) => a - b);
    // The budget lets three calls through at once; the fifth and sixth wait for tokens to refill.
    // Only lower bounds and differences: machine load can only add delay.
    expect(times[4]! - times[2]!).toBeGreaterThanOrEqual(100);
    expect(times[4]!).toBeGreaterThanOrEqual(150);
    expect(times[5]!).toBeGreaterThanOrEqual(400);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('shares one limiter between models on the same account', async () => {
    server().handle(() => reply(GOOD_VERDICT, { delayMs: 40 }));
    const limiter = createRateLimiter({ concurrency: 2 });
    const first = await judge({ limiter });
    const second = createJudgeModel('openai:gpt-4.1', {
      env: {},
      apiKey: TEST_KEY,
      baseURL: server().openaiBaseURL,
      cacheDir: await tempDir(),
      limiter,
    });
    await Promise.all(many(6).flatMap((request) => [first.complete(request), second.complete(request)]));
    expect(server().modelCalls()).toHaveLength(12);
    expect(server().maxConcurrent).toBe(2);
  });

  it('does not count cache hits against the limits', async () => {
    server().handle(() => reply(GOOD_VERDICT));
    const model = await judge({ requestsPerMinute: 60 });
    await model.complete(verdictRequest());
    const started = Date.now();
    for (let index = 0; index < 5; index++) await model.complete(verdictRequest());
    // At 60 requests per minute, five counted calls would take at least 4 s.
    expect(Date.now() - started).toBeLessThan(2000);
    expect(server().modelCalls()).toHaveLength(1);
  });

  it('shares the limits of judge models made alike: same model, endpoint and limits', async () => {
    server().handle(() => reply(GOOD_VERDICT, { delayMs: 40 }));
    // three graders on one judge: their calls together stay within its concurrency
    const alike = await Promise.all([1, 2, 3].map(() => judge({ concurrency: 2 })));
    await Promise.all(many(4).flatMap((request) => alike.map((model) => model.complete(request))));
    expect(server().modelCalls()).toHaveLength(12);
    expect(server().maxConcurrent).toBe(2);
  });

  it('keeps apart the limits of judge models with different limits', async () => {
    server().handle(() => reply(GOOD_VERDICT, { delayMs: 80 }));
    const [first, second] = await Promise.all([judge({ concurrency: 3 }), judge({ concurrency: 4 })]);
    await Promise.all(many(8).flatMap((request) => [first!.complete(request), second!.complete(request)]));
    expect(server().modelCalls()).toHaveLength(16);
    expect(server().maxConcurrent).toBeGreaterThan(4);
    expect(server().maxConcurrent).toBeLessThanOrEqual(7);
  });

  it('frees a call slot when the response arrives, before the response is written to the cache', async () => {
    server().handle(() => reply(GOOD_VERDICT));
    const cacheDir = await tempDir();
    const inner = createRateLimiter({ concurrency: 1 });
    const cachedAtRelease: number[] = [];
    const limiter: RateLimiter = {
      run: (estimatedTokens, task) =>
        inner.run(estimatedTokens, async () => {
          const outcome = await task();
          cachedAtRelease.push((await readTree(cacheDir)).length);
          return outcome;
        }),
    };
    const model = await judge({ limiter, cacheDir });
    await model.complete(verdictRequest('first'));
    // the slot was given back with nothing written yet; the answer came back only once it was
    expect(cachedAtRelease).toEqual([0]);
    expect(await readTree(cacheDir)).toHaveLength(1);
  });
});
