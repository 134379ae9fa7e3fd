import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { createJudgeModel } from '../src/index.js';
import { answerFromSchema, reply } from '../src/testing/index.js';
import { TEST_KEY, tempDir, useTestServer, VerdictSchema, verdictRequest } from './support.js';

const chatBody = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };

describe('startTestServer', () => {
  const server = useTestServer();
  const post = (
    path: string,
    body: unknown,
    headers: Record<string, string> = { authorization: `Bearer ${TEST_KEY}` },
  ) =>
    fetch(`${server().url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('listens on 127.0.0.1 at a random port', () => {
    expect(server().url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server().openaiBaseURL).toBe(`${server().url}/v1`);
  });

  it('accepts x-api-key or a bearer token and refuses a request with neither', async () => {
    server().handle(() => reply({ ok: true }));
    expect((await post('/v1/chat/completions', chatBody, { 'x-api-key': 'k' })).status).toBe(200);
    expect((await post('/v1/chat/completions', chatBody, { authorization: 'Bearer k' })).status).toBe(200);
    const refused = await post('/v1/messages', { ...chatBody, max_tokens: 5 }, {});
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ type: 'error', error: { type: 'authentication_error' } });
  });

  it('records every request byte for byte', async () => {
    server().handle(() => reply({ ok: true }));
    const raw = '{"model":"m",  "messages":[{"role":"user","content":"é"}]}';
    await fetch(`${server().url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'x-api-key': 'k' },
      body: raw,
    });
    expect(server().requests.at(-1)?.body).toBe(raw);
    expect(server().modelCalls()).toHaveLength(1);
  });

  it('answers an unscripted call with a clear 400 that the SDKs do not retry', async () => {
    const response = await post('/v1/chat/completions', chatBody);
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/nothing scripted/);
  });

  it('refuses what the real APIs refuse: a strict schema that leaves a property optional', async () => {
    const schema = {
      type: 'object',
      properties: { a: { type: 'string' } },
      required: [],
      additionalProperties: false,
    };
    const response = await post('/v1/chat/completions', {
      ...chatBody,
      response_format: { type: 'json_schema', json_schema: { name: 'x', strict: true, schema } },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/"a" must be in required in strict mode/);
  });

  it('adds the configured latency to each answer', async () => {
    server().handle(() => reply({ ok: true }));
    server().latencyMs = 150;
    const started = Date.now();
    await post('/v1/chat/completions', chatBody);
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);
  });

  it("counts the latency from the request's arrival: the handler's own work is inside it", async () => {
    server().handle(() => {
      const busyUntil = Date.now() + 150;
      while (Date.now() < busyUntil) {
        // the handler's work (the bench judge reads the whole prompt)
      }
      return reply({ ok: true });
    });
    server().latencyMs = 200;
    const started = Date.now();
    await post('/v1/chat/completions', chatBody);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(195);
    // 350 ms if the latency were added after the handler's 150 ms
    expect(elapsed).toBeLessThan(330);
  });

  it('answers a forced OpenAI function call with tool_calls, through the real SDK', async () => {
    server().enqueue(reply({ label: true }));
    const client = new OpenAI({ apiKey: TEST_KEY, baseURL: server().openaiBaseURL, maxRetries: 0 });
    const completion = await client.chat.completions.create({
      model: 'gpt-4.1-mini',
      messages: [{ role: 'user', content: 'grade' }],
      tools: [
        { type: 'function', function: { name: 'grade', parameters: { type: 'object', properties: {} } } },
      ],
      tool_choice: { type: 'function', function: { name: 'grade' } },
    });
    const call = completion.choices[0]?.message.tool_calls?.[0];
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
    expect(call?.type === 'function' && JSON.parse(call.function.arguments)).toEqual({ label: true });
  });

  it('can answer every call with a minimal schema-valid value (for benchmarks)', async () => {
    server().handle((call) => reply(answerFromSchema(call.schema)));
    const model = createJudgeModel('anthropic:claude-haiku-4-5', {
      env: {},
      apiKey: TEST_KEY,
      baseURL: server().anthropicBaseURL,
      cacheDir: await tempDir(),
    });
    const response = await model.complete(verdictRequest());
    expect(VerdictSchema.parse(response.output)).toEqual({
      label: false,
      category: 'sabotage',
      quote: '',
      rationale: '',
    });
  });
});
