import { ConfigError } from '@judgekit/core';
import { describe, expect, it } from 'vitest';
import { createJudgeModel, JudgeOutputError } from '../src/index.js';
import { reply, replyText } from '../src/testing/index.js';
import { GOOD_VERDICT, sentBody, TEST_KEY, tempDir, useTestServer, verdictRequest } from './support.js';

describe('anthropic: Messages API', () => {
  const server = useTestServer();
  const judge = async (options = {}) =>
    createJudgeModel('anthropic:claude-haiku-4-5', {
      env: {},
      apiKey: TEST_KEY,
      baseURL: server().anthropicBaseURL,
      cacheDir: await tempDir(),
      ...options,
    });

  it('uses native structured output and marks the static rubric block for prompt caching', async () => {
    server().enqueue(reply(GOOD_VERDICT, { model: 'claude-haiku-4-5-20251001' }));
    const response = await (await judge()).complete(verdictRequest());

    expect(response.output).toEqual(GOOD_VERDICT);
    expect(response.model).toBe('claude-haiku-4-5-20251001');
    const body = sentBody(server());
    expect(body.system).toEqual([
      { type: 'text', text: verdictRequest().system, cache_control: { type: 'ephemeral' } },
    ]);
    expect(body.messages).toEqual([{ role: 'user', content: verdictRequest().prompt }]);
    expect(body).toMatchObject({ model: 'claude-haiku-4-5', max_tokens: 1024, temperature: 0 });
    const format = (body.output_config as { format: { type: string; schema: Record<string, unknown> } })
      .format;
    expect(format.type).toBe('json_schema');
    expect(Object.keys(format.schema.properties as object)).toEqual([
      'label',
      'category',
      'quote',
      'rationale',
    ]);
    expect(body).not.toHaveProperty('tools');
  });

  it('sends the key as a bearer token with an anthropic-version header', async () => {
    server().enqueue(reply(GOOD_VERDICT));
    await (await judge()).complete(verdictRequest());
    const headers = server().modelCalls()[0]!.headers;
    expect(headers.authorization ?? headers['x-api-key']).toContain(TEST_KEY);
    expect(headers['anthropic-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('counts cache reads and writes as input tokens and reports reads as cached', async () => {
    server().enqueue(
      reply(GOOD_VERDICT, { usage: { input: 3000, output: 90, cachedInput: 2048, cacheWrite: 512 } }),
    );
    const response = await (await judge()).complete(verdictRequest());
    expect(sentBody(server())).toBeDefined();
    expect(response.usage).toMatchObject({ inputTokens: 3000, outputTokens: 90, cachedInputTokens: 2048 });
  });

  it('can force a tool whose input is the answer (for models without output_config)', async () => {
    server().enqueue(reply(GOOD_VERDICT));
    const response = await (await judge({ structuredOutput: 'tool' })).complete(verdictRequest());
    expect(response.output).toEqual(GOOD_VERDICT);
    expect(response.finishReason).toBe('tool_use');
    const body = sentBody(server());
    expect(body.tool_choice).toEqual({ type: 'tool', name: 'judge_output' });
    expect((body.tools as { name: string }[])[0]?.name).toBe('judge_output');
    expect(body).not.toHaveProperty('output_config');
  });

  it('refuses forced tool use together with extended thinking, as the API does', () => {
    expect(() =>
      createJudgeModel('anthropic:claude-haiku-4-5', {
        env: {},
        structuredOutput: 'tool',
        thinkingBudgetTokens: 2048,
      }),
    ).toThrow(/forced tool use is not allowed with extended thinking/);
  });

  it('with extended thinking, sends the budget without a temperature and reads past the thinking block', async () => {
    server().enqueue(reply(GOOD_VERDICT));
    const response = await (await judge({ thinkingBudgetTokens: 2048, maxOutputTokens: 4096 })).complete(
      verdictRequest(),
    );
    expect(response.output).toEqual(GOOD_VERDICT);
    const body = sentBody(server());
    expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: 2048 });
    expect(body).not.toHaveProperty('temperature');
  });

  it('has no logprobs: label queries give no probabilities and a note says to vote over samples', async () => {
    server().enqueue(reply(GOOD_VERDICT));
    const model = await judge();
    expect(model.supportsLogprobs).toBe(false);
    const response = await model.complete({ ...verdictRequest(), labels: [{ path: ['label'] }] });
    expect(response.labelProbabilities).toEqual([]);
    expect(response.notes.join('\n')).toMatch(/no logprobs: vote over samples/);
  });

  it('turns an answer that breaks the schema into JudgeOutputError', async () => {
    server().enqueue(replyText('{"label": true}'));
    const error = await (await judge()).complete(verdictRequest()).catch((caught: unknown) => caught);
    expect(JudgeOutputError.isInstance(error)).toBe(true);
    expect((error as JudgeOutputError).raw).toBe('{"label": true}');
    expect((error as JudgeOutputError).provider).toBe('anthropic');
  });

  it('rejects a structured-output mode the provider does not have', () => {
    const error = (() => {
      try {
        createJudgeModel('anthropic:claude-haiku-4-5', { env: {}, structuredOutput: 'json-object' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/output-format, tool, prompt/);
  });
});
