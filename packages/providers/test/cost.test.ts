import { ConfigError } from '@judgekit/core';
import { describe, expect, it } from 'vitest';
import { callCost, createJudgeModel } from '../src/index.js';
import { reply } from '../src/testing/index.js';
import { GOOD_VERDICT, TEST_KEY, tempDir, useTestServer, verdictRequest } from './support.js';

describe('cost from the configured price table', () => {
  const server = useTestServer();
  const judge = async (name: string, options = {}) =>
    createJudgeModel(name, {
      env: {},
      apiKey: TEST_KEY,
      baseURL: name.startsWith('anthropic') ? server().anthropicBaseURL : server().openaiBaseURL,
      cacheDir: await tempDir(),
      ...options,
    });

  it('prices uncached input, cached input and output tokens, and totals them', async () => {
    server().enqueue(
      reply(GOOD_VERDICT, { usage: { input: 2000, cachedInput: 1000, output: 500 } }),
      reply(GOOD_VERDICT, { usage: { input: 1000, output: 100 } }),
    );
    const prices = { 'openai:gpt-4.1-mini': { input: 0.4, output: 1.6, cachedInput: 0.1 } };
    const model = await judge('openai:gpt-4.1-mini', { prices });
    const first = await model.complete(verdictRequest());
    const second = await model.complete(verdictRequest('other'));
    // (1000 x 0.4 + 1000 x 0.1 + 500 x 1.6) / 1e6 and (1000 x 0.4 + 100 x 1.6) / 1e6
    expect(first.usage.costUSD).toBeCloseTo(0.0013, 12);
    expect(second.usage.costUSD).toBeCloseTo(0.00056, 12);
    expect(first.notes).toEqual([]);
    expect(model.totals()).toMatchObject({
      calls: 2,
      costUSD: expect.closeTo(0.00186, 12),
      unpricedCalls: 0,
    });
    const cached = await model.complete(verdictRequest());
    expect(cached.usage.costUSD).toBe(0);
  });

  it('leaves the cost out and says so when the model has no price', async () => {
    server().enqueue(reply(GOOD_VERDICT));
    const model = await judge('openai:gpt-4.1-mini', {
      prices: { 'openai:gpt-4.1': { input: 2, output: 8 } },
    });
    const response = await model.complete(verdictRequest());
    expect(response.usage).not.toHaveProperty('costUSD');
    expect(response.notes).toEqual([
      'no price for openai:gpt-4.1-mini in the price table: cost not computed',
    ]);
    expect(model.totals()).toMatchObject({ costUSD: 0, unpricedCalls: 1 });
  });

  it('does not guess a missing cached-input rate', async () => {
    server().enqueue(reply(GOOD_VERDICT, { usage: { input: 2000, cachedInput: 1500, output: 10 } }));
    const model = await judge('openai:gpt-4.1-mini', {
      prices: { 'openai:gpt-4.1-mini': { input: 0.4, output: 1.6 } },
    });
    const response = await model.complete(verdictRequest());
    expect(response.usage.costUSD).toBeUndefined();
    expect(response.notes[0]).toMatch(/no cachedInput price/);
  });

  it('prices Anthropic cache writes and reads at their own rates', async () => {
    server().enqueue(
      reply(GOOD_VERDICT, { usage: { input: 4000, cachedInput: 2000, cacheWrite: 1000, output: 200 } }),
    );
    const prices = {
      'anthropic:claude-haiku-4-5': { input: 1, output: 5, cachedInput: 0.1, cacheWrite: 1.25 },
    };
    const response = await (await judge('anthropic:claude-haiku-4-5', { prices })).complete(verdictRequest());
    // (1000 x 1 + 2000 x 0.1 + 1000 x 1.25 + 200 x 5) / 1e6
    expect(response.usage.costUSD).toBeCloseTo(0.00345, 12);
  });

  it('takes a provider-wide price, e.g. free local models', async () => {
    server().enqueue(reply(GOOD_VERDICT));
    const model = await judge('compatible:qwen3', { prices: { 'compatible:*': { input: 0, output: 0 } } });
    expect((await model.complete(verdictRequest())).usage.costUSD).toBe(0);
  });

  it('applies the batch multiplier only when one is given', () => {
    const tokens = { input: 1_000_000, output: 1_000_000, cachedInput: 0, cacheWrite: 0 };
    const base = { provider: 'openai', model: 'gpt-4.1-mini', tokens, batch: true };
    expect(
      callCost({
        ...base,
        prices: { 'openai:gpt-4.1-mini': { input: 0.4, output: 1.6, batchMultiplier: 0.5 } },
      }),
    ).toEqual({
      costUSD: 1,
    });
    expect(callCost({ ...base, prices: { 'openai:gpt-4.1-mini': { input: 0.4, output: 1.6 } } })).toEqual({
      note: 'no batchMultiplier for openai:gpt-4.1-mini: batch cost not computed',
    });
  });

  it('refuses a malformed price table', () => {
    const create = () =>
      createJudgeModel('openai:gpt-4.1-mini', {
        env: {},
        prices: { 'openai:gpt-4.1-mini': { input: -1, output: 1 } },
      });
    expect(create).toThrow(ConfigError);
    expect(create).toThrow(/prices\.openai:gpt-4\.1-mini\.input/);
  });
});
