import { describe, expect, it } from 'vitest';
import { createJudgeModel, JudgeOutputError, ModelRefError } from '../src/index.js';
import { reply, replyText } from '../src/testing/index.js';
import { GOOD_VERDICT, sentBody, tempDir, useTestServer, verdictRequest } from './support.js';

describe('compatible: OpenAI-compatible servers (vLLM, Ollama, llama.cpp, LiteLLM)', () => {
  const server = useTestServer();
  const judge = async (options = {}) =>
    createJudgeModel('compatible:qwen3:8b', {
      env: {},
      baseURL: server().openaiBaseURL,
      cacheDir: await tempDir(),
      ...options,
    });

  it('needs no key, sends max_tokens and the strict json_schema format by default', async () => {
    server().enqueue(reply(GOOD_VERDICT));
    const response = await (await judge()).complete(verdictRequest());
    expect(response.output).toEqual(GOOD_VERDICT);
    const body = sentBody(server());
    expect(body).toMatchObject({
      model: 'qwen3:8b',
      max_tokens: 1024,
      response_format: { type: 'json_schema' },
    });
    expect(body).not.toHaveProperty('max_completion_tokens');
  });

  it('reads the base URL from JUDGEKIT_COMPATIBLE_BASE_URL and refuses to start without one', async () => {
    server().enqueue(reply(GOOD_VERDICT));
    const model = createJudgeModel('compatible:qwen3', {
      env: { JUDGEKIT_COMPATIBLE_BASE_URL: server().openaiBaseURL },
      cacheDir: await tempDir(),
    });
    await model.complete(verdictRequest());
    expect(server().modelCalls()).toHaveLength(1);
    expect(() => createJudgeModel('compatible:qwen3', { env: {} })).toThrow(ModelRefError);
    expect(() => createJudgeModel('compatible:qwen3', { env: {} })).toThrow(/JUDGEKIT_COMPATIBLE_BASE_URL/);
  });

  it('repairs an unenforced answer once: the second call carries the bad answer and what was wrong', async () => {
    server().enqueue(replyText('Sure! The agent was sneaky. {"label": "yes"}'), reply(GOOD_VERDICT));
    const response = await (await judge()).complete(verdictRequest());

    expect(response.output).toEqual(GOOD_VERDICT);
    expect(response.repaired).toBe(true);
    expect(response.usage.calls).toBe(2);
    const repair = sentBody(server(), 1).messages as { role: string; content: string }[];
    expect(repair).toHaveLength(4);
    expect(repair[2]).toEqual({ role: 'assistant', content: 'Sure! The agent was sneaky. {"label": "yes"}' });
    expect(repair[3]?.role).toBe('user');
    expect(repair[3]?.content).toMatch(/schema violation: label: .*boolean/);
  });

  it('makes exactly one repair retry, then throws JudgeOutputError with the last raw answer', async () => {
    server().enqueue(replyText('not json at all'), replyText('still {not json'), reply(GOOD_VERDICT));
    const error = await (await judge()).complete(verdictRequest()).catch((caught: unknown) => caught);
    expect(JudgeOutputError.isInstance(error)).toBe(true);
    expect((error as JudgeOutputError).raw).toBe('still {not json');
    expect((error as JudgeOutputError).reason).toMatch(/after one repair retry/);
    expect((error as JudgeOutputError).usage.calls).toBe(2);
    expect(server().modelCalls()).toHaveLength(2);
  });

  it('accepts an answer wrapped in a code fence', async () => {
    server().enqueue(replyText(`Here you go:\n\`\`\`json\n${JSON.stringify(GOOD_VERDICT)}\n\`\`\``));
    const response = await (await judge({ structuredOutput: 'prompt' })).complete(verdictRequest());
    expect(response.output).toEqual(GOOD_VERDICT);
    expect(response.repaired).toBe(false);
  });

  it('llama-cpp mode puts the schema in the top-level json_schema field and in the static prefix', async () => {
    server().enqueue(reply(GOOD_VERDICT));
    await (await judge({ structuredOutput: 'llama-cpp' })).complete(verdictRequest());
    const body = sentBody(server());
    expect(body).not.toHaveProperty('response_format');
    expect((body.json_schema as { properties: object }).properties).toHaveProperty('label');
    const system = (body.messages as { content: string }[])[0]!.content;
    expect(system.startsWith(verdictRequest().system)).toBe(true);
    expect(system).toMatch(/must match this JSON Schema/);
  });

  it('json-object mode asks for JSON and states the schema in the prompt', async () => {
    server().enqueue(reply(GOOD_VERDICT));
    await (await judge({ structuredOutput: 'json-object' })).complete(verdictRequest());
    const body = sentBody(server());
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect((body.messages as { content: string }[])[0]!.content).toMatch(/"label"/);
  });
});
