import { ConfigError } from '@judgekit/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createJudgeModel, JudgeOutputError } from '../src/index.js';
import { reply, replyText } from '../src/testing/index.js';
import { GOOD_VERDICT, sentBody, TEST_KEY, tempDir, useTestServer, verdictRequest } from './support.js';

describe('openai: chat completions with strict json_schema output', () => {
  const server = useTestServer();
  const judge = async (options = {}) =>
    createJudgeModel('openai:gpt-4.1-mini', {
      env: {},
      apiKey: TEST_KEY,
      baseURL: server().openaiBaseURL,
      cacheDir: await tempDir(),
      ...options,
    });

  it('sends the rubric first, the transcript second, and the schema as a strict response format', async () => {
    server().enqueue(reply(GOOD_VERDICT, { model: 'gpt-4.1-mini-2025-04-14' }));
    const model = await judge();
    const response = await model.complete(verdictRequest());

    expect(response.output).toEqual(GOOD_VERDICT);
    expect(response.model).toBe('gpt-4.1-mini-2025-04-14');
    expect(response.ref).toBe('openai:gpt-4.1-mini');
    const body = sentBody(server());
    expect(body.messages).toEqual([
      { role: 'system', content: verdictRequest().system },
      { role: 'user', content: verdictRequest().prompt },
    ]);
    expect(body).toMatchObject({
      model: 'gpt-4.1-mini',
      temperature: 0,
      max_completion_tokens: 1024,
      response_format: { type: 'json_schema', json_schema: { name: 'judge_output', strict: true } },
    });
    const schema = (body.response_format as { json_schema: { schema: Record<string, unknown> } }).json_schema
      .schema;
    expect(schema.required).toEqual(['label', 'category', 'quote', 'rationale']);
    expect(schema.additionalProperties).toBe(false);
    // only what constrains the answer: no dialect line (see compactSchema)
    expect(schema).not.toHaveProperty('$schema');
    expect(server().modelCalls()[0]?.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
  });

  it('reports the usage the provider returned', async () => {
    server().enqueue(reply(GOOD_VERDICT, { usage: { input: 1200, output: 80, cachedInput: 1024 } }));
    const response = await (await judge()).complete(verdictRequest());
    expect(response.usage).toMatchObject({
      inputTokens: 1200,
      outputTokens: 80,
      cachedInputTokens: 1024,
      calls: 1,
      cacheHits: 0,
    });
    expect(response.cached).toBe(false);
  });

  it('turns a schema-violating answer into JudgeOutputError with the raw answer (no repair under strict mode)', async () => {
    const raw = JSON.stringify({ ...GOOD_VERDICT, label: 'yes' });
    server().enqueue(replyText(raw));
    const error = await (await judge()).complete(verdictRequest()).catch((caught: unknown) => caught);
    expect(JudgeOutputError.isInstance(error)).toBe(true);
    const outputError = error as JudgeOutputError;
    expect(outputError).toMatchObject({
      provider: 'openai',
      model: 'gpt-4.1-mini',
      raw,
      code: 'JUDGE_OUTPUT',
    });
    expect(outputError.reason).toMatch(/label: .*boolean/);
    expect(outputError.usage.calls).toBe(1);
    expect(server().modelCalls()).toHaveLength(1);
  });

  it('says when an answer was cut at the output token limit', async () => {
    server().enqueue(replyText('{"label": true, "category": "sab', { finishReason: 'length' }));
    const error = await (await judge()).complete(verdictRequest()).catch((caught: unknown) => caught);
    expect((error as JudgeOutputError).reason).toMatch(/not valid JSON.*cut at the output token limit/);
  });

  it('passes a refusal on as the raw answer of a JudgeOutputError', async () => {
    server().enqueue(replyText('I cannot help with that.', { finishReason: 'refusal' }));
    const error = await (await judge()).complete(verdictRequest()).catch((caught: unknown) => caught);
    expect((error as JudgeOutputError).raw).toBe('I cannot help with that.');
  });

  it('refuses a schema with .optional() fields, which strict mode cannot take, before any call', async () => {
    const model = await judge();
    const request = {
      ...verdictRequest(),
      schema: z.object({ label: z.boolean(), note: z.string().optional() }),
    };
    const error = await model.complete(request).catch((caught: unknown) => caught);
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/optional\(\)/);
    expect(server().modelCalls()).toHaveLength(0);
  });

  it('sends a per-request temperature and token limit, and omits the temperature when null', async () => {
    server().enqueue(reply(GOOD_VERDICT), reply(GOOD_VERDICT));
    const model = await judge();
    await model.complete({ ...verdictRequest(), temperature: 0.7, maxOutputTokens: 300 });
    await model.complete({ ...verdictRequest(), temperature: null });
    expect(sentBody(server(), 0)).toMatchObject({ temperature: 0.7, max_completion_tokens: 300 });
    expect(sentBody(server(), 1)).not.toHaveProperty('temperature');
  });
});
