import { describe, expect, it } from 'vitest';
import {
  BatchPendingError,
  type CollectingJudgeModel,
  createCollectingJudgeModel,
  createJudgeModel,
  type JudgeModel,
} from '../src/index.js';
import { type ModelCall, reply, replyText } from '../src/testing/index.js';
import { TEST_KEY, type TestVerdict, tempDir, useTestServer, verdictRequest } from './support.js';

/** Answers each call with its own prompt as the rationale, so a mismatched result shows. */
function answerWithPrompt(call: ModelCall) {
  const messages = (call.body.messages ?? call.body.input) as { role: string; content: string }[];
  const prompt = messages.find((message) => message.role === 'user')!.content;
  const verdict: TestVerdict = {
    label: prompt.endsWith('1'),
    category: 'none',
    quote: null,
    rationale: prompt,
  };
  return reply(verdict);
}

const prompts = ['transcript 0', 'transcript 1', 'transcript 2'];

for (const name of [
  'openai:gpt-4.1-mini',
  'openai-responses:o4-mini',
  'anthropic:claude-haiku-4-5',
] as const) {
  describe(`collecting judge: ${name}`, () => {
    const server = useTestServer({ batchCompletion: 'manual' });
    const options = (cacheDir: string) => ({
      env: {},
      apiKey: TEST_KEY,
      baseURL: name.startsWith('anthropic') ? server().anthropicBaseURL : server().openaiBaseURL,
      cacheDir,
    });
    const collecting = (cacheDir: string): CollectingJudgeModel =>
      createCollectingJudgeModel(name, options(cacheDir));
    const plain = (cacheDir: string): JudgeModel => createJudgeModel(name, options(cacheDir));

    it('sets uncached requests aside without a call, then answers them exactly as a synchronous run', async () => {
      server().handle(answerWithPrompt);
      const cacheDir = await tempDir();
      const judge = collecting(cacheDir);
      // settled together: awaiting them one by one would leave the later rejections unhandled for a while
      const asked = await Promise.allSettled(
        [...prompts, prompts[0]!].map((prompt) => judge.complete(verdictRequest(prompt))),
      );
      for (const answer of asked) {
        expect(answer.status).toBe('rejected');
        expect(BatchPendingError.isInstance((answer as PromiseRejectedResult).reason)).toBe(true);
      }
      expect(server().requests).toHaveLength(0);
      const items = judge.collected();
      expect(items.map((item) => item.request.prompt)).toEqual(prompts);

      // the custom id is the content address the batch engine computes for the same request
      const state = await judge.batch.submit(items);
      expect(state.items.map((item) => item.key)).toEqual(items.map((item) => item.customId));
      expect(state.items.every((item) => !item.cached)).toBe(true);
      await server().completeBatches();
      expect(
        (await judge.batch.collect(state)).results.map((result) => [result.customId, result.ok]),
      ).toEqual(items.map((item) => [item.customId, true]));

      const batched = await Promise.all(prompts.map((prompt) => judge.complete(verdictRequest(prompt))));
      expect(server().modelCalls()).toHaveLength(0);
      expect(batched.every((answer) => answer.cached)).toBe(true);
      expect(judge.collected()).toHaveLength(3);

      const synchronous = plain(await tempDir());
      const direct = await Promise.all(prompts.map((prompt) => synchronous.complete(verdictRequest(prompt))));
      expect(server().modelCalls()).toHaveLength(3);
      expect(batched.map((answer) => [answer.output, answer.cacheKey, answer.raw])).toEqual(
        direct.map((answer) => [answer.output, answer.cacheKey, answer.raw]),
      );
      expect(direct.map((answer) => answer.cacheKey)).toEqual(items.map((item) => item.customId));
    });

    it('answers what is cached and collects only the rest', async () => {
      server().handle(answerWithPrompt);
      const cacheDir = await tempDir();
      await plain(cacheDir).complete(verdictRequest(prompts[1]));
      const judge = collecting(cacheDir);
      const results = await Promise.allSettled(
        prompts.map((prompt) => judge.complete(verdictRequest(prompt))),
      );
      expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled', 'rejected']);
      expect(judge.collected().map((item) => item.request.prompt)).toEqual([prompts[0], prompts[2]]);
      expect(server().modelCalls()).toHaveLength(1);
    });

    it('says why when the batch already failed for a request', async () => {
      const cacheDir = await tempDir();
      const first = collecting(cacheDir);
      await first.complete(verdictRequest('x')).catch(() => undefined);
      const key = first.collected()[0]!.customId;
      const judge = createCollectingJudgeModel(name, {
        ...options(cacheDir),
        failures: new Map([[key, 'expired']]),
      });
      const error = await judge.complete(verdictRequest('x')).catch((thrown: unknown) => thrown);
      expect(BatchPendingError.isInstance(error) && error.key).toBe(key);
      expect((error as Error).message).toMatch(
        /no batch returned a response for request [0-9a-f]{64}: expired/,
      );
    });
  });
}

describe('collecting judge: limits', () => {
  const server = useTestServer({ batchCompletion: 'manual' });

  it('refuses models without a batch API and a disabled cache', () => {
    expect(() =>
      createCollectingJudgeModel('compatible:qwen3:8b', { env: {}, baseURL: server().openaiBaseURL }),
    ).toThrow(/has no batch API/);
    expect(() => createCollectingJudgeModel('replay:openai:gpt-4.1-mini', { replayDir: '/tmp' })).toThrow(
      /nothing to batch/,
    );
    expect(() => createCollectingJudgeModel('openai:gpt-4.1-mini', { cacheDir: false })).toThrow(
      /response cache/,
    );
  });

  it('sends the repair retry of an invalid batched answer synchronously, as the only call', async () => {
    const cacheDir = await tempDir();
    const judge = createCollectingJudgeModel('openai:gpt-4.1-mini', {
      env: {},
      apiKey: TEST_KEY,
      baseURL: server().openaiBaseURL,
      cacheDir,
      structuredOutput: 'prompt',
    });
    await judge.complete(verdictRequest('t')).catch(() => undefined);
    const state = await judge.batch.submit(judge.collected());
    server().enqueue(replyText('not json'));
    await server().completeBatches();
    await judge.batch.collect(state);
    server().handle(answerWithPrompt);
    const answer = await judge.complete(verdictRequest('t'));
    expect(answer.repaired).toBe(true);
    expect(server().modelCalls()).toHaveLength(1);
  });
});
