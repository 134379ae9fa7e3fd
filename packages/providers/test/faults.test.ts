import { describe, expect, it } from 'vitest';
import { createJudgeModel, JudgeCallError, MissingAPIKeyError } from '../src/index.js';
import { cutConnection, hang, httpError, invalidJSON, reply } from '../src/testing/index.js';
import { GOOD_VERDICT, TEST_KEY, tempDir, useTestServer, verdictRequest } from './support.js';

async function failure(promise: Promise<unknown>): Promise<JudgeCallError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!JudgeCallError.isInstance(error)) throw new Error(`expected a JudgeCallError, got ${String(error)}`);
  return error;
}

describe('retries, timeouts and faults (the SDKs retry; we type what is left)', () => {
  const server = useTestServer();
  const judge = async (options = {}, name = 'openai:gpt-4.1-mini') =>
    createJudgeModel(name, {
      env: {},
      apiKey: TEST_KEY,
      baseURL: name.startsWith('anthropic') ? server().anthropicBaseURL : server().openaiBaseURL,
      cacheDir: await tempDir(),
      ...options,
    });

  it('retries 429s after the retry-after the server asked for, then succeeds', async () => {
    server().enqueue(
      httpError(429, { retryAfter: '1.2' }),
      httpError(429, { retryAfter: '1.2' }),
      reply(GOOD_VERDICT),
    );
    const response = await (await judge()).complete(verdictRequest());
    expect(response.output).toEqual(GOOD_VERDICT);
    expect(server().modelCalls()).toHaveLength(3);
    // The SDK's own backoff before the first and second retries is at most 0.5 s and 1 s; gaps of
    // 1.2 s or more show the retry-after was honoured. Only lower bounds: load can only add delay.
    const arrivals = server()
      .modelCalls()
      .map((call) => call.receivedAt);
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(1150);
    expect(arrivals[2]! - arrivals[1]!).toBeGreaterThanOrEqual(1150);
  });

  it('retries 500s with the SDK backoff on Anthropic too, then succeeds', async () => {
    server().enqueue(httpError(500), httpError(529, { retryAfterMs: 20 }), reply(GOOD_VERDICT));
    const response = await (await judge({}, 'anthropic:claude-haiku-4-5')).complete(verdictRequest());
    expect(response.output).toEqual(GOOD_VERDICT);
    expect(server().modelCalls()).toHaveLength(3);
  });

  it('gives up on a server that never answers with a typed, retryable timeout within the configured time', async () => {
    server().enqueue(hang(), hang());
    const started = Date.now();
    const error = await failure((await judge({ timeoutMs: 300, maxRetries: 1 })).complete(verdictRequest()));
    const elapsed = Date.now() - started;
    expect(error).toMatchObject({
      failure: 'timeout',
      isRetryable: true,
      provider: 'openai',
      code: 'JUDGE_CALL',
    });
    expect(server().modelCalls()).toHaveLength(2);
    // (maxRetries + 1) x timeout plus one SDK backoff (at most 0.5 s) is 1.1 s; the server never
    // answers, so a missing timeout would hang until the test's own timeout. The upper bound is loose
    // because machine load can only add delay.
    expect(elapsed).toBeGreaterThanOrEqual(600);
    expect(elapsed).toBeLessThan(5000);
  });

  it('retries a cut connection', async () => {
    server().enqueue(cutConnection(), reply(GOOD_VERDICT));
    const response = await (await judge()).complete(verdictRequest());
    expect(response.output).toEqual(GOOD_VERDICT);
    expect(server().modelCalls()).toHaveLength(2);
  });

  it('reports an invalid JSON body as a retryable invalid-response and does not cache it', async () => {
    server().enqueue(invalidJSON(), reply(GOOD_VERDICT));
    const model = await judge();
    const error = await failure(model.complete(verdictRequest()));
    expect(error).toMatchObject({ failure: 'invalid-response', isRetryable: true });
    const response = await model.complete(verdictRequest());
    expect(response).toMatchObject({ cached: false, output: GOOD_VERDICT });
  });

  it('ends a 429 burst longer than the retries in a retryable rate-limit error', async () => {
    server().enqueue(...Array.from({ length: 3 }, () => httpError(429, { retryAfterMs: 10 })));
    const error = await failure((await judge({ maxRetries: 2 })).complete(verdictRequest()));
    expect(error).toMatchObject({ failure: 'rate-limit', status: 429, isRetryable: true });
    expect(server().modelCalls()).toHaveLength(3);
  });

  it('does not retry a bad request', async () => {
    server().enqueue(httpError(400, { message: 'bad schema' }), reply(GOOD_VERDICT));
    const error = await failure((await judge()).complete(verdictRequest()));
    expect(error).toMatchObject({ failure: 'request', status: 400, isRetryable: false });
    expect(error.message).toMatch(/bad schema/);
    expect(server().modelCalls()).toHaveLength(1);
  });

  it('reports a refused key as an auth failure', async () => {
    await server().close();
    const { startTestServer } = await import('../src/testing/index.js');
    const strict = await startTestServer({ apiKey: 'sk-the-right-one' });
    try {
      const model = createJudgeModel('anthropic:claude-haiku-4-5', {
        env: {},
        apiKey: TEST_KEY,
        baseURL: strict.anthropicBaseURL,
        cacheDir: await tempDir(),
      });
      const error = await failure(model.complete(verdictRequest()));
      expect(error).toMatchObject({ failure: 'auth', status: 401, isRetryable: false });
    } finally {
      await strict.close();
    }
  });

  it('stops when the caller aborts', async () => {
    server().enqueue(hang());
    const controller = new AbortController();
    const pending = (await judge()).complete({ ...verdictRequest(), signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await failure(pending)).toMatchObject({ failure: 'aborted', isRetryable: false });
  });

  it('needs the key only when it has to call: a missing key is a typed error, cached answers still work', async () => {
    server().enqueue(reply(GOOD_VERDICT));
    const cacheDir = await tempDir();
    await (await judge({ cacheDir })).complete(verdictRequest());
    const keyless = createJudgeModel('openai:gpt-4.1-mini', {
      env: {},
      baseURL: server().openaiBaseURL,
      cacheDir,
    });
    expect((await keyless.complete(verdictRequest())).cached).toBe(true);
    const error = await keyless.complete(verdictRequest('new')).catch((caught: unknown) => caught);
    expect(MissingAPIKeyError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/OPENAI_API_KEY/);
    expect(server().modelCalls()).toHaveLength(1);
  });

  it('reads the key from the environment variable', async () => {
    server().enqueue(reply(GOOD_VERDICT));
    const model = createJudgeModel('anthropic:claude-haiku-4-5', {
      env: { ANTHROPIC_API_KEY: 'sk-ant-from-env-123', ANTHROPIC_BASE_URL: server().anthropicBaseURL },
      cacheDir: await tempDir(),
    });
    await model.complete(verdictRequest());
    const headers = server().modelCalls()[0]!.headers;
    expect(headers['x-api-key'] ?? headers.authorization).toContain('sk-ant-from-env-123');
  });
});
