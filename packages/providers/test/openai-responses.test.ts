import { describe, expect, it } from 'vitest';
import { createJudgeModel, JudgeOutputError } from '../src/index.js';
import { reply, replyText } from '../src/testing/index.js';
import { GOOD_VERDICT, sentBody, TEST_KEY, tempDir, useTestServer, verdictRequest } from './support.js';

describe('openai-responses: reasoning models through the Responses API', () => {
  const server = useTestServer();
  const judge = async (options = {}) =>
    createJudgeModel('openai-responses:o4-mini', {
      env: {},
      apiKey: TEST_KEY,
      baseURL: server().openaiBaseURL,
      cacheDir: await tempDir(),
      reasoningEffort: 'low',
      ...options,
    });

  it('sends instructions, input, a strict text format and the reasoning effort, without temperature', async () => {
    server().enqueue(reply(GOOD_VERDICT, { model: 'o4-mini-2025-04-16' }));
    const response = await (await judge()).complete(verdictRequest());
    expect(response.output).toEqual(GOOD_VERDICT);
    expect(response.model).toBe('o4-mini-2025-04-16');
    const body = sentBody(server());
    expect(server().modelCalls()[0]?.path).toBe('/v1/responses');
    expect(body).toMatchObject({
      model: 'o4-mini',
      instructions: verdictRequest().system,
      input: [{ role: 'user', content: verdictRequest().prompt }],
      max_output_tokens: 1024,
      store: false,
      reasoning: { effort: 'low' },
      text: { format: { type: 'json_schema', name: 'judge_output', strict: true } },
    });
    expect(body).not.toHaveProperty('temperature');
  });

  it('reports an incomplete (cut) answer as JudgeOutputError', async () => {
    server().enqueue(replyText('{"label": tr', { finishReason: 'length' }));
    const error = await (await judge()).complete(verdictRequest()).catch((caught: unknown) => caught);
    expect(JudgeOutputError.isInstance(error)).toBe(true);
    expect((error as JudgeOutputError).reason).toMatch(/cut at the output token limit/);
  });
});
