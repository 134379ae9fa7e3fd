import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createRegistry,
  messageText,
  type PreparedGrader,
  prepareGraders,
  readManifest,
  readVerdicts,
  runGrading,
  TranscriptSchema,
  type TranscriptSourceItem,
} from '@judgekit/core';
import { CORPUS_PATH } from '@judgekit/fixtures';
import { httpError, type ModelCall, startTestServer, type TestServer } from '@judgekit/providers/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BATCH_RUN_FILE,
  BatchRunSchema,
  batchRunStatus,
  collectBatchRun,
  plugins,
  readBatchRun,
  submitBatchRun,
} from '../src/index.js';
import { keywordJudge } from '../src/testing/index.js';
import { TEST_ENV, temporaryDirectory } from './helpers/judge-setup.js';
import { verdictFacts } from './helpers/verdict-facts.js';

const TRANSCRIPTS = readFileSync(CORPUS_PATH, 'utf8')
  .split('\n')
  .filter(Boolean)
  .slice(0, 6)
  .map((line) => TranscriptSchema.parse(JSON.parse(line)));

const items = (): TranscriptSourceItem[] => TRANSCRIPTS.map((transcript) => ({ ok: true, transcript }));

describe('batch runs (library)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ batchCompletion: 'manual' });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.reset();
    server.handle(keywordJudge());
  });

  const baseURLOf = (judge: string) =>
    judge.startsWith('anthropic:') ? server.anthropicBaseURL : server.openaiBaseURL;

  function setup(
    judge: string,
    graders: string[] = ['llm-judge.scheming'],
    cacheDir = join(temporaryDirectory(), 'cache'),
  ) {
    const context = { env: TEST_ENV, cwd: process.cwd(), cacheDir };
    const prepared = prepareGraders(
      graders.map((use) => ({ use, options: { judge, baseURL: baseURLOf(judge) } })),
      createRegistry(plugins),
      context,
    );
    return { graders: prepared, context, cacheDir };
  }

  const runInput = (runDir: string, made: ReturnType<typeof setup>) => ({
    runDir,
    transcripts: items,
    graders: made.graders,
    context: made.context,
    inputs: [],
    concurrency: 4,
    onInvalid: 'fail' as const,
  });

  const finishInto = (runDir: string) => (graders: PreparedGrader[]) =>
    runGrading({ runDir, transcripts: items(), graders, resume: true, concurrency: 4 });

  async function synchronousVerdicts(judge: string, graders?: string[]) {
    const runDir = join(temporaryDirectory(), 'sync');
    const made = setup(judge, graders);
    await runGrading({ runDir, transcripts: items(), graders: made.graders, concurrency: 4 });
    return readVerdicts(runDir);
  }

  for (const judge of ['openai:gpt-4.1-mini', 'anthropic:claude-haiku-4-5']) {
    it(`gives exactly the verdicts of the synchronous run (${judge}), with results returned out of order`, async () => {
      const expected = await synchronousVerdicts(judge);
      expect(expected).toHaveLength(TRANSCRIPTS.length * 3);
      server.reset();
      server.handle(keywordJudge());
      const runDir = join(temporaryDirectory(), 'batch');
      const made = setup(judge);
      const submitted = await submitBatchRun({
        ...runInput(runDir, made),
        versions: {},
        run: { note: 'test' },
      });
      expect(submitted).toMatchObject({ round: 1, transcripts: 6, units: 6, requests: 6 });
      expect(server.modelCalls()).toHaveLength(0);
      expect(await readVerdicts(runDir)).toHaveLength(0);
      expect((await readManifest(runDir)).status).toBe('running');

      const waiting = await batchRunStatus(runDir, TEST_ENV);
      expect(waiting.batches).toMatchObject([
        { phase: 'submitted', providerPhase: 'in_progress', requests: 6, counts: { processing: 6 } },
      ]);
      const early = await collectBatchRun({ ...runInput(runDir, made), finish: finishInto(runDir) });
      expect(early).toMatchObject({ finished: false, running: [{ providerPhase: 'in_progress' }] });
      expect(await readVerdicts(runDir)).toHaveLength(0);

      await server.completeBatches();
      const order = await resultOrder(server, judge, submitted.batches[0]!.batchId!);
      const state = (await readBatchRun(runDir))!.batches[0]!.state!;
      expect(order).toEqual(state.items.map((item) => item.customId).reverse());
      expect(order).not.toEqual(state.items.map((item) => item.customId));

      const collected = await collectBatchRun({
        ...runInput(runDir, made),
        finish: finishInto(runDir),
      });
      expect(collected).toMatchObject({
        finished: true,
        exhausted: 0,
        collected: [{ counts: { succeeded: 6, failed: 0 } }],
      });
      expect(server.modelCalls()).toHaveLength(0);
      expect(verdictFacts(await readVerdicts(runDir))).toEqual(verdictFacts(expected));
      expect((await readManifest(runDir)).status).toBe('complete');
      expect((await batchRunStatus(runDir, TEST_ENV)).finishedAt).not.toBeNull();
    });
  }

  it('sends only what is not cached, and splits requests into batches of --batch-size', async () => {
    const judge = 'openai:gpt-4.1-mini';
    const made = setup(judge, ['llm-judge.covert-action', 'llm-judge.eval-awareness']);
    await runGrading({
      runDir: join(temporaryDirectory(), 'warm'),
      transcripts: items().slice(0, 2),
      graders: made.graders.slice(0, 1),
    });
    const warmCalls = server.modelCalls().length;
    const runDir = join(temporaryDirectory(), 'batch');
    const submitted = await submitBatchRun({
      ...runInput(runDir, made),
      versions: {},
      run: {},
      maxBatchRequests: 4,
    });
    expect(submitted.units).toBe(12);
    expect(submitted.requests).toBe(12 - warmCalls);
    expect(submitted.batches.map((batch) => batch.requests)).toEqual([4, 4, 2]);
    await server.completeBatches();
    const report = await collectBatchRun({ ...runInput(runDir, made), finish: finishInto(runDir) });
    expect(report.finished).toBe(true);
    expect(server.modelCalls()).toHaveLength(warmCalls);
    expect(await readVerdicts(runDir)).toHaveLength(12);
  });

  it('resubmits failed requests, and turns a request that fails in every batch into error verdicts', async () => {
    const judge = 'openai:gpt-4.1-mini';
    const alwaysFails = TRANSCRIPTS[1]!.id;
    const failsOnce = TRANSCRIPTS[2]!.id;
    let failedOnce = false;
    const answer = keywordJudge();
    server.handle((call: ModelCall) => {
      const prompt = promptOf(call);
      if (prompt.includes(userText(1))) return httpError(500, { message: 'overloaded' });
      if (prompt.includes(userText(2)) && !failedOnce) {
        failedOnce = true;
        return httpError(500, { message: 'overloaded' });
      }
      return answer(call);
    });
    const runDir = join(temporaryDirectory(), 'batch');
    const made = setup(judge);
    await submitBatchRun({ ...runInput(runDir, made), versions: {}, run: {} });
    const completing = setInterval(() => void server.completeBatches(), 20);
    const report = await collectBatchRun({
      ...runInput(runDir, made),
      wait: true,
      pollIntervalMs: 20,
      finish: finishInto(runDir),
    }).finally(() => clearInterval(completing));
    expect(report.finished).toBe(true);
    expect(report.resubmitted.map((round) => [round.round, round.requests])).toEqual([
      [2, 2],
      [3, 1],
    ]);
    expect(report.exhausted).toBe(1);
    expect(server.modelCalls()).toHaveLength(0);
    const verdicts = await readVerdicts(runDir);
    const failed = verdicts.filter((verdict) => verdict.error);
    expect(failed.map((verdict) => verdict.transcriptId)).toEqual([alwaysFails, alwaysFails, alwaysFails]);
    expect(failed[0]!.error).toMatchObject({ name: 'BatchPendingError', code: 'BATCH_PENDING' });
    expect(failed[0]!.error!.message).toMatch(/failed in 3 batch\(es\): HTTP 500: overloaded/);
    expect(verdicts.filter((verdict) => verdict.transcriptId === failsOnce && !verdict.error)).toHaveLength(
      3,
    );
    const run = BatchRunSchema.parse(JSON.parse(readFileSync(join(runDir, BATCH_RUN_FILE), 'utf8')));
    expect(Object.values(run.failures)).toEqual([{ reason: 'HTTP 500: overloaded', attempts: 3 }]);
  });

  it('asks again for the requests of a batch whose submission was never confirmed', async () => {
    const judge = 'anthropic:claude-haiku-4-5';
    const expected = await synchronousVerdicts(judge);
    expect(expected).toHaveLength(TRANSCRIPTS.length * 3);
    server.reset();
    server.handle(keywordJudge());
    const runDir = join(temporaryDirectory(), 'batch');
    const made = setup(judge);
    await submitBatchRun({ ...runInput(runDir, made), versions: {}, run: {}, maxBatchRequests: 4 });
    // what a process killed between planning the second batch and the provider's answer leaves on disk
    const path = join(runDir, BATCH_RUN_FILE);
    const run = BatchRunSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    run.batches[1] = { ...run.batches[1]!, phase: 'planned', state: null };
    writeFileSync(path, JSON.stringify(run));
    await server.completeBatches();
    const completing = setInterval(() => void server.completeBatches(), 20);
    const report = await collectBatchRun({
      ...runInput(runDir, made),
      wait: true,
      pollIntervalMs: 20,
      finish: finishInto(runDir),
    }).finally(() => clearInterval(completing));
    expect(report.resubmitted.map((round) => round.requests)).toEqual([2]);
    expect((await readBatchRun(runDir))!.batches.map((record) => record.phase)).toEqual([
      'collected',
      'abandoned',
      'collected',
    ]);
    expect(server.modelCalls()).toHaveLength(0);
    expect(verdictFacts(await readVerdicts(runDir))).toEqual(verdictFacts(expected));
  });

  it('refuses a judge without a batch API before writing anything', async () => {
    const runDir = join(temporaryDirectory(), 'batch');
    const made = setup('compatible:qwen3:8b');
    await expect(submitBatchRun({ ...runInput(runDir, made), versions: {}, run: {} })).rejects.toThrow(
      /compatible:qwen3:8b has no batch API/,
    );
    expect(await readBatchRun(runDir)).toBeUndefined();
  });
});

/** The first user message of a fixture transcript, as the judge prompt quotes it. */
function userText(index: number): string {
  const message = TRANSCRIPTS[index]!.messages.find((candidate) => candidate.role === 'user')!;
  return messageText(message).split('\n')[0]!;
}

/** The user prompt of an OpenAI chat call. */
function promptOf(call: ModelCall): string {
  const messages = call.body.messages as { role: string; content: string }[];
  return messages.find((message) => message.role === 'user')!.content;
}

/** The custom ids of a finished batch's results in the order the server wrote them. */
async function resultOrder(server: TestServer, judge: string, batchId: string): Promise<string[]> {
  const headers = {
    authorization: `Bearer ${TEST_ENV.OPENAI_API_KEY}`,
    'x-api-key': TEST_ENV.ANTHROPIC_API_KEY,
  };
  let text: string;
  if (judge.startsWith('anthropic:')) {
    text = await fetch(`${server.url}/v1/messages/batches/${batchId}/results`, { headers }).then((response) =>
      response.text(),
    );
  } else {
    const batch = (await fetch(`${server.openaiBaseURL}/batches/${batchId}`, { headers }).then((response) =>
      response.json(),
    )) as { output_file_id: string };
    text = await fetch(`${server.openaiBaseURL}/files/${batch.output_file_id}/content`, { headers }).then(
      (response) => response.text(),
    );
  }
  return text
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { custom_id: string }).custom_id);
}
