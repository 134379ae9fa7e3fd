import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readVerdicts, type Verdict } from '@judgekit/core';
import { startTestServer, type TestServer } from '@judgekit/providers/testing';
import { judgekitCommand, runJudgekit, spawnJudgekit } from '@judgekit/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_RUN_FILE, type BatchRun } from '../src/index.js';
import { keywordJudge } from '../src/testing/index.js';
import { startGateProxy } from './helpers/gate-proxy.js';
import { TEST_ENV, temporaryDirectory } from './helpers/judge-setup.js';
import { writeFixtureSubset } from './helpers/run-files.js';
import { verdictFacts } from './helpers/verdict-facts.js';

const CLI_TIMEOUT = 120_000;
const TRANSCRIPTS = 6;

describe(`judgekit grade --batch and judgekit batch (CLI from ${judgekitCommand().mode})`, () => {
  let server: TestServer;
  const dir = temporaryDirectory();
  const input = writeFixtureSubset(dir, TRANSCRIPTS);
  beforeAll(async () => {
    server = await startTestServer({ batchCompletion: 'manual', handler: keywordJudge() });
  });
  afterAll(async () => {
    await server.close();
  });

  const baseURLOf = (judge: string, url = server.url) => (judge.startsWith('anthropic:') ? url : `${url}/v1`);
  const gradeArgs = (judge: string, out: string, baseURL = baseURLOf(judge)) => [
    'grade',
    input,
    '--graders',
    'llm-judge.scheming',
    '--judge',
    judge,
    '--base-url',
    baseURL,
    '--cache-dir',
    join(dir, `cache-${out}`),
    '--out',
    join(dir, out),
  ];

  const synchronous = new Map<string, Promise<Verdict[]>>();
  /** The verdicts of a synchronous run with this judge (made once per judge). */
  function synchronousVerdicts(judge: string): Promise<Verdict[]> {
    const out = `sync-${judge.split(':')[0]}`;
    if (!synchronous.has(judge)) {
      synchronous.set(
        judge,
        runJudgekit(gradeArgs(judge, out), { cwd: dir, env: TEST_ENV }).then((result) => {
          expect(result.code, result.stderr).toBe(0);
          return readVerdicts(join(dir, out));
        }),
      );
    }
    return synchronous.get(judge)!;
  }

  const batchRun = (out: string): BatchRun =>
    JSON.parse(readFileSync(join(dir, out, BATCH_RUN_FILE), 'utf8'));

  for (const judge of ['openai:gpt-4.1-mini', 'anthropic:claude-haiku-4-5']) {
    it(
      `submits with ${judge}, reports status, and collect writes exactly the synchronous verdicts with zero chat calls`,
      async () => {
        const expected = await synchronousVerdicts(judge);
        const out = `batch-${judge.split(':')[0]}`;
        const callsBefore = server.modelCalls().length;
        const submitted = await runJudgekit([...gradeArgs(judge, out), '--batch'], {
          cwd: dir,
          env: TEST_ENV,
        });
        expect(submitted.code, submitted.stderr).toBe(0);
        expect(submitted.stderr).toMatch(
          new RegExp(
            `submitted ${TRANSCRIPTS} request\\(s\\) for ${TRANSCRIPTS} unit\\(s\\) of ${TRANSCRIPTS} transcript\\(s\\) in 1 batch\\(es\\)`,
          ),
        );
        expect(await readVerdicts(join(dir, out))).toHaveLength(0);

        const status = await runJudgekit(['batch', 'status', join(dir, out), '--json'], {
          cwd: dir,
          env: TEST_ENV,
        });
        expect(status.code, status.stderr).toBe(0);
        expect(JSON.parse(status.stdout)).toMatchObject({
          finishedAt: null,
          batches: [
            {
              id: 'r1-1',
              judge,
              phase: 'submitted',
              providerPhase: 'in_progress',
              requests: TRANSCRIPTS,
              counts: { total: TRANSCRIPTS, processing: TRANSCRIPTS },
            },
          ],
        });
        await server.completeBatches();
        const collected = await runJudgekit(['batch', 'collect', join(dir, out)], {
          cwd: dir,
          env: TEST_ENV,
        });
        expect(collected.code, collected.stderr).toBe(0);
        expect(collected.stderr).toMatch(/collected r1-1 \S+ \S+: 6 succeeded, 0 failed/);
        expect(collected.stderr).toMatch(
          /graded 6 transcript\(s\) with 1 grader\(s\): 18 verdicts \(0 errors/,
        );
        expect(server.modelCalls().length).toBe(callsBefore);
        expect(verdictFacts(await readVerdicts(join(dir, out)))).toEqual(verdictFacts(expected));
      },
      CLI_TIMEOUT,
    );
  }

  it(
    'a submit killed after the provider accepted a batch it never recorded, then a collect killed while waiting, are completed by a fresh collect',
    async () => {
      const judge = 'openai:gpt-4.1-mini';
      const expected = await synchronousVerdicts(judge);
      let batchCreations = 0;
      const proxy = await startGateProxy(server.url, (method, path) => {
        if (method !== 'POST' || path !== '/v1/batches') return false;
        batchCreations++;
        return batchCreations === 2;
      });
      try {
        const out = 'batch-killed';
        const callsBefore = server.modelCalls().length;
        const args = [...gradeArgs(judge, out, baseURLOf(judge, proxy.url)), '--batch', '--batch-size', '3'];
        const submit = spawnJudgekit(args, { cwd: dir, env: TEST_ENV });
        const submitClosed = new Promise<string | null>((resolve) =>
          submit.on('close', (_code, signal) => resolve(signal)),
        );
        const deadline = Date.now() + 60_000;
        while (proxy.held === 0 && Date.now() < deadline) await sleep(20);
        expect(proxy.held).toBe(1);
        // the provider holds the second batch; the state file still says `planned`
        expect(batchRun(out).batches.map((record) => record.phase)).toEqual(['submitted', 'planned']);
        submit.kill('SIGKILL');
        expect(await submitClosed).toBe('SIGKILL');
        expect(existsSync(join(dir, out, 'verdicts.jsonl'))).toBe(false);

        const waiting = spawnJudgekit(
          ['batch', 'collect', join(dir, out), '--wait', '--poll-interval', '0.05'],
          { cwd: dir, env: TEST_ENV },
        );
        let waitingLog = '';
        waiting.stderr!.on('data', (chunk) => {
          waitingLog += chunk;
        });
        const waitingClosed = new Promise<string | null>((resolve) =>
          waiting.on('close', (_code, signal) => resolve(signal)),
        );
        while (!waitingLog.includes('waiting for 1 batch(es)') && Date.now() < deadline) await sleep(20);
        expect(waitingLog).toMatch(
          /waiting for 1 batch\(es\): r1-1 openai:gpt-4\.1-mini batch_\S+ \(in_progress, 0\/3 done\)/,
        );
        waiting.kill('SIGKILL');
        expect(await waitingClosed).toBe('SIGKILL');

        const completing = setInterval(() => void server.completeBatches(), 50);
        const finished = await runJudgekit(
          ['batch', 'collect', join(dir, out), '--wait', '--poll-interval', '0.05'],
          { cwd: dir, env: TEST_ENV },
        ).finally(() => clearInterval(completing));
        expect(finished.code, finished.stderr).toBe(0);
        expect(finished.stderr).toMatch(/resubmitted 3 request\(s\) still without a response as round 2/);
        expect(batchRun(out).batches.map((record) => [record.id, record.phase])).toEqual([
          ['r1-1', 'collected'],
          ['r1-2', 'abandoned'],
          ['r2-1', 'collected'],
        ]);
        // three batches reached the provider: the one it accepted unrecorded ran (and would be billed) uncollected
        expect(batchCreations).toBe(3);
        expect(server.modelCalls().length).toBe(callsBefore);
        expect(verdictFacts(await readVerdicts(join(dir, out)))).toEqual(verdictFacts(expected));
      } finally {
        await proxy.close();
      }
    },
    CLI_TIMEOUT,
  );
});
