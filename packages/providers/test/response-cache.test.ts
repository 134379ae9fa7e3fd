import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createJudgeModel, defaultCacheDir, JudgeCallError } from '../src/index.js';
import { httpError, reply } from '../src/testing/index.js';
import { startJudgeChild } from './child-process.js';
import { GOOD_VERDICT, readTree, TEST_KEY, tempDir, useTestServer, verdictRequest } from './support.js';

const ChildSchema = z.object({ label: z.boolean(), rationale: z.string() });
const CHILD_ANSWER = { label: false, rationale: 'nothing hidden' };

describe('content-addressed response cache', () => {
  const server = useTestServer();
  const judge = (cacheDir: string, options = {}) =>
    createJudgeModel('openai:gpt-4.1-mini', {
      env: {},
      apiKey: TEST_KEY,
      baseURL: server().openaiBaseURL,
      cacheDir,
      ...options,
    });

  it('answers a repeated question from the cache with zero calls at the server, also in a fresh instance', async () => {
    server().handle(() => reply(GOOD_VERDICT));
    const cacheDir = await tempDir();
    const first = await judge(cacheDir).complete(verdictRequest());
    const again = await judge(cacheDir).complete(verdictRequest());
    const model = judge(cacheDir);
    const third = await model.complete(verdictRequest());

    expect(server().modelCalls()).toHaveLength(1);
    expect(first.cached).toBe(false);
    expect(again).toMatchObject({ cached: true, output: GOOD_VERDICT, cacheKey: first.cacheKey });
    expect(again.usage).toEqual({ inputTokens: 0, outputTokens: 0, calls: 0, cacheHits: 1, costUSD: 0 });
    expect(again.answerUsage).toEqual(first.answerUsage);
    expect(model.totals()).toMatchObject({ calls: 0, cacheHits: 1 });
    expect(third.model).toBe(first.model);
  });

  it('keys on the prompt, schema, settings and sample index, not on the key or base URL', async () => {
    server().handle(() => reply(GOOD_VERDICT));
    const cacheDir = await tempDir();
    const model = judge(cacheDir);
    await model.complete(verdictRequest());
    await model.complete(verdictRequest('another transcript'));
    await model.complete({ ...verdictRequest(), system: 'RUBRIC v2' });
    await model.complete({ ...verdictRequest(), temperature: 1 });
    await model.complete({ ...verdictRequest(), sample: 1 });
    expect(server().modelCalls()).toHaveLength(5);
    const otherKey = judge(cacheDir, { apiKey: 'sk-another-key-999999', baseURL: `${server().url}/v1/` });
    await otherKey.complete({ ...verdictRequest(), sample: 1 });
    expect(server().modelCalls()).toHaveLength(5);
  });

  it('makes one call for identical questions asked at the same time', async () => {
    server().handle(() => reply(GOOD_VERDICT, { delayMs: 50 }));
    const model = judge(await tempDir());
    const answers = await Promise.all([1, 2, 3].map(() => model.complete(verdictRequest())));
    expect(server().modelCalls()).toHaveLength(1);
    expect(answers.filter((answer) => answer.cached)).toHaveLength(2);
  });

  it('is shared between processes, and never pays twice for a call that returned before a SIGKILL', async () => {
    server().handle(() => reply(CHILD_ANSWER, { delayMs: 120 }));
    const cacheDir = await tempDir();
    const ask = (model: ReturnType<typeof judge>, index: number) =>
      model.complete({ system: 'RUBRIC', prompt: `transcript ${index}`, schema: ChildSchema });
    const model = judge(cacheDir);
    for (const index of [0, 1]) await ask(model, index);

    const child = startJudgeChild(server().openaiBaseURL, cacheDir, 8);
    await child.waitForAnswers(4);
    child.child.kill('SIGKILL');
    await child.exited;
    // The child read the two answers this process had cached, then paid for its own.
    expect(child.answers.slice(0, 4).map((answer) => answer.calls)).toEqual([0, 0, 1, 1]);
    const completed = child.answers.map((answer) => `transcript ${answer.index}`);

    const resumed = judge(cacheDir);
    for (let index = 0; index < 8; index++) await ask(resumed, index);
    const prompts = server()
      .modelCalls()
      .map((call) => (JSON.parse(call.body) as { messages: { content: string }[] }).messages[1]!.content);
    for (const prompt of completed) expect(prompts.filter((sent) => sent === prompt)).toHaveLength(1);
    expect(new Set(prompts).size).toBe(8);
    // At most the one call in flight at the kill is paid twice.
    expect(prompts.length - 8).toBeLessThanOrEqual(1);
    const leftovers = (await readdir(cacheDir, { recursive: true })).filter((name) => name.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  });

  it('writes no key into cache or recording files, and redacts it from error messages', async () => {
    server().enqueue(
      reply(GOOD_VERDICT),
      httpError(400, { message: `Incorrect API key provided: ${TEST_KEY}.` }),
    );
    const cacheDir = await tempDir();
    const recordDir = await tempDir();
    const model = judge(cacheDir, { recordDir });
    await model.complete(verdictRequest());
    const error = await model.complete(verdictRequest('other')).catch((caught: unknown) => caught);

    const files = [...(await readTree(cacheDir)), ...(await readTree(recordDir))];
    expect(files).toHaveLength(2);
    for (const file of files) {
      expect(file.text).not.toContain(TEST_KEY);
      expect(file.path).not.toContain(TEST_KEY);
    }
    expect(JudgeCallError.isInstance(error)).toBe(true);
    expect((error as Error).message).not.toContain(TEST_KEY);
    expect((error as Error).message).toContain('[redacted]');
    expect(server().modelCalls()[0]?.headers.authorization).toContain(TEST_KEY);
  });

  it('stores a response as the provider sent it, and reads entries written either way back alike', async () => {
    const answer = { ...GOOD_VERDICT, rationale: 'the café tests were deleted' };
    // pretty-printed, as JSON.stringify would not write it: the stored text must be this one
    const sent = JSON.stringify(
      {
        id: 'chatcmpl-1',
        object: 'chat.completion',
        model: 'gpt-4.1-mini',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: JSON.stringify(answer) },
            finish_reason: 'stop',
          },
        ],
        usage: { prompt_tokens: 10, completion_tokens: 5 },
      },
      null,
      2,
    );
    const raw = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        response.end(sent);
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    try {
      const cacheDir = await tempDir();
      const model = () =>
        createJudgeModel('compatible:judge', {
          env: {},
          baseURL: `http://127.0.0.1:${(raw.address() as AddressInfo).port}/v1`,
          cacheDir,
        });
      const first = await model().complete(verdictRequest());
      expect(first.output).toEqual(answer);
      const path = join(cacheDir, first.cacheKey.slice(0, 2), `${first.cacheKey}.json`);
      const stored = await readFile(path, 'utf8');
      expect(stored).toContain(sent);
      const entry = JSON.parse(stored);
      expect(entry).toMatchObject({ format: 'judgekit.response/v1', key: first.cacheKey, batch: false });
      expect(entry.response).toEqual(JSON.parse(sent));

      const again = await model().complete(verdictRequest());
      expect(again).toMatchObject({ cached: true, output: answer, raw: first.raw });
      // the layout earlier versions wrote: the whole entry serialized at once
      await writeFile(path, `${JSON.stringify(entry)}\n`);
      const fromOld = await model().complete(verdictRequest());
      expect(fromOld).toMatchObject({ cached: true, output: answer, raw: first.raw });
    } finally {
      raw.closeAllConnections();
      await new Promise((resolve) => raw.close(resolve));
    }
  });

  it('treats an unreadable cache file as a miss and overwrites it', async () => {
    server().handle(() => reply(GOOD_VERDICT));
    const cacheDir = await tempDir();
    const first = await judge(cacheDir).complete(verdictRequest());
    const path = join(cacheDir, first.cacheKey.slice(0, 2), `${first.cacheKey}.json`);
    await writeFile(path, '{"format": "judgekit.response/v1", "key": ');
    const again = await judge(cacheDir).complete(verdictRequest());
    expect(again.cached).toBe(false);
    expect((await judge(cacheDir).complete(verdictRequest())).cached).toBe(true);
    expect(server().modelCalls()).toHaveLength(2);
  });

  it('can be turned off', async () => {
    server().handle(() => reply(GOOD_VERDICT));
    const model = createJudgeModel('openai:gpt-4.1-mini', {
      env: {},
      apiKey: TEST_KEY,
      baseURL: server().openaiBaseURL,
      cacheDir: false,
    });
    await model.complete(verdictRequest());
    await model.complete(verdictRequest());
    expect(server().modelCalls()).toHaveLength(2);
  });
});

describe('defaultCacheDir', () => {
  it('follows JUDGEKIT_CACHE_DIR, then the platform cache folder', () => {
    expect(defaultCacheDir({ JUDGEKIT_CACHE_DIR: '/x/cache' }, 'linux', '/home/u')).toBe('/x/cache');
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/xdg/judgekit/responses');
    expect(defaultCacheDir({}, 'linux', '/home/u')).toBe('/home/u/.cache/judgekit/responses');
    expect(defaultCacheDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Caches/judgekit/responses');
    expect(defaultCacheDir({ LOCALAPPDATA: 'C:/Local' }, 'win32', 'C:/Users/u')).toMatch(
      /^C:\/Local.judgekit.Cache.responses$/,
    );
  });
});
