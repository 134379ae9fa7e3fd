import { ConfigError } from '@judgekit/core';
import { describe, expect, it } from 'vitest';
import { createJudgeModel, ReplayMissError } from '../src/index.js';
import { reply, replyText } from '../src/testing/index.js';
import { GOOD_VERDICT, readTree, TEST_KEY, tempDir, useTestServer, verdictRequest } from './support.js';

describe('replay: record real responses once, replay offline', () => {
  const server = useTestServer();

  it('replays recorded answers with no key and no server, by the same content address', async () => {
    server().enqueue(
      reply(GOOD_VERDICT, { model: 'gpt-4.1-mini-2025-04-14' }),
      reply({ ...GOOD_VERDICT, label: false }),
    );
    const recordDir = await tempDir();
    const live = createJudgeModel('openai:gpt-4.1-mini', {
      env: {},
      apiKey: TEST_KEY,
      baseURL: server().openaiBaseURL,
      cacheDir: await tempDir(),
      recordDir,
    });
    const recorded = [await live.complete(verdictRequest('one')), await live.complete(verdictRequest('two'))];
    await server().close();

    const replay = createJudgeModel('replay:openai:gpt-4.1-mini', { env: {}, replayDir: recordDir });
    expect(replay.ref).toBe('replay:openai:gpt-4.1-mini');
    expect(replay.batch).toBeUndefined();
    const replayed = [
      await replay.complete(verdictRequest('one')),
      await replay.complete(verdictRequest('two')),
    ];
    expect(replayed.map((answer) => answer.output)).toEqual(recorded.map((answer) => answer.output));
    expect(replayed[0]).toMatchObject({
      cached: true,
      model: 'gpt-4.1-mini-2025-04-14',
      cacheKey: recorded[0]?.cacheKey,
    });
    expect(replayed[0]?.answerUsage).toEqual(recorded[0]?.answerUsage);
    for (const file of await readTree(recordDir)) expect(file.text).not.toContain(TEST_KEY);
  });

  it('fails clearly on a question that was never recorded', async () => {
    const replay = createJudgeModel('replay:anthropic:claude-haiku-4-5', {
      env: {},
      replayDir: await tempDir(),
    });
    const error = await replay.complete(verdictRequest()).catch((caught: unknown) => caught);
    expect(ReplayMissError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      ref: 'anthropic:claude-haiku-4-5',
      key: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((error as Error).message).toMatch(/no recorded response .* record again with a key/);
    expect(server().modelCalls()).toHaveLength(0);
  });

  it('replays a repaired answer: both calls of the repair are recorded', async () => {
    server().enqueue(replyText('not json'), reply(GOOD_VERDICT));
    const recordDir = await tempDir();
    const live = createJudgeModel('compatible:qwen3', {
      env: {},
      baseURL: server().openaiBaseURL,
      cacheDir: false,
      recordDir,
    });
    await live.complete(verdictRequest());
    const replayed = await createJudgeModel('replay:compatible:qwen3', {
      env: {},
      replayDir: recordDir,
    }).complete(verdictRequest());
    expect(replayed).toMatchObject({ output: GOOD_VERDICT, repaired: true, cached: true });
  });

  it('records answers served from the cache too, so a recording made on a warm cache is complete', async () => {
    server().enqueue(reply(GOOD_VERDICT));
    const cacheDir = await tempDir();
    const options = { env: {}, apiKey: TEST_KEY, baseURL: server().openaiBaseURL, cacheDir };
    await createJudgeModel('openai:gpt-4.1-mini', options).complete(verdictRequest());
    const recordDir = await tempDir();
    await createJudgeModel('openai:gpt-4.1-mini', { ...options, recordDir }).complete(verdictRequest());
    const replayed = await createJudgeModel('replay:openai:gpt-4.1-mini', { replayDir: recordDir }).complete(
      verdictRequest(),
    );
    expect(replayed.output).toEqual(GOOD_VERDICT);
    expect(server().modelCalls()).toHaveLength(1);
  });

  it('needs a recording directory', () => {
    expect(() => createJudgeModel('replay:openai:gpt-4.1-mini', { env: {} })).toThrow(ConfigError);
  });
});
