import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BatchError,
  type BatchItem,
  type BatchState,
  BatchStateSchema,
  createJudgeModel,
  type JudgeModel,
} from '../src/index.js';
import { httpError, type ModelCall, reply } from '../src/testing/index.js';
import { TEST_KEY, type TestVerdict, tempDir, useTestServer, verdictRequest } from './support.js';

/** The transcript part of a call, whichever protocol carried it. */
function promptOf(call: ModelCall): string {
  const messages = (call.body.messages ?? call.body.input) as { role: string; content: string }[];
  return messages.find((message) => message.role === 'user')!.content;
}

/** Answers each call with its own prompt as the rationale, so a mismatched result shows. */
function answerWithPrompt(call: ModelCall) {
  const verdict: TestVerdict = { label: true, category: 'none', quote: null, rationale: promptOf(call) };
  return reply(verdict, { usage: { input: 1000, output: 100 } });
}

const items = (count: number): BatchItem<TestVerdict>[] =>
  Array.from({ length: count }, (_, index) => ({
    customId: `t-${index}`,
    request: verdictRequest(`transcript ${index}`),
  }));

for (const name of [
  'openai:gpt-4.1-mini',
  'openai-responses:o4-mini',
  'anthropic:claude-haiku-4-5',
] as const) {
  describe(`batch engine: ${name}`, () => {
    const server = useTestServer({ batchCompletion: 'manual' });
    const judge = (cacheDir: string, options = {}): JudgeModel =>
      createJudgeModel(name, {
        env: {},
        apiKey: TEST_KEY,
        baseURL: name.startsWith('anthropic') ? server().anthropicBaseURL : server().openaiBaseURL,
        cacheDir,
        prices: { [name]: { input: 1, output: 4, batchMultiplier: 0.5 } },
        ...options,
      });

    it('submits, reports status, collects out-of-order results by custom id into the cache', async () => {
      server().handle(answerWithPrompt);
      const cacheDir = await tempDir();
      const model = judge(cacheDir);
      const state = await model.batch!.submit(items(5));
      expect(state.batchId).toMatch(/^(batch_|msgbatch_)/);
      expect(server().modelCalls()).toHaveLength(0);

      expect(await model.batch!.status(state)).toMatchObject({ phase: 'in_progress', done: false });
      expect((await model.batch!.collect(state)).done).toBe(false);
      await server().completeBatches();
      expect(await model.batch!.status(state)).toMatchObject({
        phase: 'ended',
        done: true,
        counts: { total: 5, succeeded: 5, failed: 0, processing: 0 },
      });
      const collection = await model.batch!.collect(state);
      expect(collection.results.map((result) => [result.customId, result.ok, result.cached])).toEqual(
        items(5).map((item) => [item.customId, true, false]),
      );
      // 5 x (1000 x 1 + 100 x 4) / 1e6, at half price
      expect(collection.usage).toMatchObject({
        calls: 5,
        inputTokens: 5000,
        costUSD: expect.closeTo(0.0035, 12),
      });

      const answers = await Promise.all(items(5).map((item) => model.complete(item.request)));
      expect(answers.map((answer) => answer.output.rationale)).toEqual(
        items(5).map((item) => item.request.prompt),
      );
      expect(answers.every((answer) => answer.cached)).toBe(true);
      expect(server().modelCalls()).toHaveLength(0);
    });

    it('sends each request body exactly as the synchronous call would', async () => {
      server().handle(answerWithPrompt);
      const cacheDir = await tempDir();
      await judge(cacheDir).batch!.submit(items(2));
      await server().completeBatches();
      server().handle(answerWithPrompt);
      await judge(await tempDir()).complete(items(2)[1]!.request);
      const syncBody = JSON.parse(server().modelCalls()[0]!.body);
      const upload = server().requests.find(
        (request) => request.path.endsWith('/files') || request.path.endsWith('/messages/batches'),
      )!;
      const sentBodies = name.startsWith('openai')
        ? upload.body
            .split('\n')
            .filter((line) => line.startsWith('{'))
            .map((line) => JSON.parse(line) as { custom_id: string; body: unknown; url: string })
            .map((line) => ({ id: line.custom_id, body: line.body, url: line.url }))
        : (JSON.parse(upload.body).requests as { custom_id: string; params: unknown }[]).map((request) => ({
            id: request.custom_id,
            body: request.params,
            url: undefined,
          }));
      expect(sentBodies.map((entry) => entry.id)).toEqual(['t-0', 't-1']);
      expect(sentBodies[1]?.body).toEqual(syncBody);
      if (name === 'openai:gpt-4.1-mini') expect(sentBodies[0]?.url).toBe('/v1/chat/completions');
      if (name === 'openai-responses:o4-mini') expect(sentBodies[0]?.url).toBe('/v1/responses');
    });

    it('is completed by a fresh instance from persisted state after the submitting process is gone', async () => {
      server().handle(answerWithPrompt);
      const cacheDir = await tempDir();
      const runDir = await tempDir();
      await mkdir(runDir, { recursive: true });
      const submitted = await judge(cacheDir).batch!.submit(items(4));
      await writeFile(join(runDir, 'batch.json'), JSON.stringify(submitted));
      await server().completeBatches();

      const resumed = judge(cacheDir);
      const state: BatchState = BatchStateSchema.parse(
        JSON.parse(await readFile(join(runDir, 'batch.json'), 'utf8')),
      );
      expect((await resumed.batch!.status(state)).done).toBe(true);
      const collection = await resumed.batch!.collect(state);
      expect(collection.results.map((result) => result.ok)).toEqual([true, true, true, true]);
      const answers = await Promise.all(items(4).map((item) => resumed.complete(item.request)));
      expect(answers.map((answer) => answer.output.rationale)).toEqual(
        items(4).map((item) => item.request.prompt),
      );
      expect(server().modelCalls()).toHaveLength(0);

      const again = await resumed.batch!.collect(state);
      expect(again.results.map((result) => [result.ok, result.cached])).toEqual(
        items(4).map(() => [true, true]),
      );
      expect(again.usage.calls).toBe(0);
    });

    it('does not send what is already cached, and sends nothing when everything is', async () => {
      server().handle(answerWithPrompt);
      const cacheDir = await tempDir();
      const model = judge(cacheDir);
      await model.complete(items(3)[0]!.request);
      const state = await model.batch!.submit(items(3));
      expect(state.items.map((item) => item.cached)).toEqual([true, false, false]);
      await server().completeBatches();
      expect((await model.batch!.collect(state)).results.map((result) => result.cached)).toEqual([
        true,
        false,
        false,
      ]);
      const none = await model.batch!.submit(items(3));
      expect(none.batchId).toBeNull();
      expect(await model.batch!.status(none)).toMatchObject({ phase: 'ended', done: true });
      expect((await model.batch!.collect(none)).results.map((result) => [result.ok, result.cached])).toEqual(
        items(3).map(() => [true, true]),
      );
    });

    it('reports a failed item without losing the others; that item is asked again synchronously', async () => {
      server().handle((call) =>
        promptOf(call) === 'transcript 1'
          ? httpError(500, { message: 'overloaded' })
          : answerWithPrompt(call),
      );
      const cacheDir = await tempDir();
      const model = judge(cacheDir);
      const state = await model.batch!.submit(items(3));
      await server().completeBatches();
      const collection = await model.batch!.collect(state);
      expect(collection.results.map((result) => result.ok)).toEqual([true, false, true]);
      expect(collection.results[1]?.error).toMatchObject({ name: 'BatchError', retryable: true });
      expect(collection.results[1]?.error?.message).toMatch(/overloaded/);
      server().handle(answerWithPrompt);
      await model.complete(items(3)[1]!.request);
      expect(server().modelCalls()).toHaveLength(1);
    });

    it('refuses custom ids the batch APIs would refuse, and state from another model', async () => {
      const model = judge(await tempDir());
      await expect(
        model.batch!.submit([{ customId: 'has space', request: verdictRequest() }]),
      ).rejects.toThrow(BatchError);
      await expect(
        model.batch!.submit([
          { customId: 'a', request: verdictRequest('1') },
          { customId: 'a', request: verdictRequest('2') },
        ]),
      ).rejects.toThrow(/appears twice/);
      const state: BatchState = {
        format: 'judgekit.batch/v1',
        ref: 'openai:other-model',
        batchId: null,
        inputFileId: null,
        submittedAt: new Date().toISOString(),
        items: [],
      };
      await expect(model.batch!.collect(state)).rejects.toThrow(/belongs to openai:other-model/);
    });
  });
}

describe('batch engine: results really arrive out of order', () => {
  const server = useTestServer();

  it('the test server writes batch output in reverse order of submission', async () => {
    server().handle(answerWithPrompt);
    const model = createJudgeModel('openai:gpt-4.1-mini', {
      env: {},
      apiKey: TEST_KEY,
      baseURL: server().openaiBaseURL,
      cacheDir: await tempDir(),
    });
    const state = await model.batch!.submit(items(3));
    const batch = await fetch(`${server().openaiBaseURL}/batches/${state.batchId}`, {
      headers: { authorization: `Bearer ${TEST_KEY}` },
    }).then((response) => response.json() as Promise<{ output_file_id: string }>);
    const output = await fetch(`${server().openaiBaseURL}/files/${batch.output_file_id}/content`, {
      headers: { authorization: `Bearer ${TEST_KEY}` },
    }).then((response) => response.text());
    const order = output
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { custom_id: string }).custom_id);
    expect(order).toEqual(['t-2', 't-1', 't-0']);
    expect((await model.batch!.collect(state)).results.map((result) => result.customId)).toEqual([
      't-0',
      't-1',
      't-2',
    ]);
  });

  it('compatible servers have no batch engine', () => {
    expect(
      createJudgeModel('compatible:qwen3', { env: {}, baseURL: server().openaiBaseURL }).batch,
    ).toBeUndefined();
  });
});
