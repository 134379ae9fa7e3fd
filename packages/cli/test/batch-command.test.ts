import { join } from 'node:path';
import { readManifest, readVerdicts } from '@judgekit/core';
import { answerFromSchema, reply, startTestServer, type TestServer } from '@judgekit/providers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCLI, temporaryDirectory, writeCorpus } from './helpers.js';

describe('judgekit grade --batch and judgekit batch status|collect', () => {
  let server: TestServer;
  const previousKey = process.env.OPENAI_API_KEY;
  beforeAll(async () => {
    server = await startTestServer({ handler: (call) => reply(answerFromSchema(call.schema)) });
    process.env.OPENAI_API_KEY = 'sk-local-test';
  });
  afterAll(async () => {
    await server.close();
    if (previousKey === undefined) delete process.env.OPENAI_API_KEY;
    else process.env.OPENAI_API_KEY = previousKey;
  });

  function gradeArgs(
    dir: string,
    out: string,
    judge = 'openai:gpt-4.1-mini',
    baseURL = server.openaiBaseURL,
  ) {
    return [
      'grade',
      writeCorpus(dir, 4),
      '--graders',
      'llm-judge.covert-action,rules.covert-action',
      '--judge',
      judge,
      '--base-url',
      baseURL,
      '--cache-dir',
      join(dir, 'cache'),
      '--out',
      join(dir, out),
    ];
  }

  it('submits and exits, shows each batch in a table, and collect writes the verdicts', async () => {
    const dir = temporaryDirectory();
    const callsBefore = server.modelCalls().length;
    const submitted = await runCLI([...gradeArgs(dir, 'run'), '--batch']);
    expect(submitted.code, submitted.stderr).toBe(0);
    expect(submitted.stderr).toMatch(
      /submitted 4 request\(s\) for 4 unit\(s\) of 4 transcript\(s\) in 1 batch\(es\): openai:gpt-4\.1-mini batch_\S+ -> /,
    );
    expect(submitted.stderr).toMatch(/finish: judgekit batch collect .*run \[--wait\]/);
    expect(await readVerdicts(join(dir, 'run'))).toHaveLength(0);
    expect((await readManifest(join(dir, 'run'))).status).toBe('running');

    const status = await runCLI(['batch', 'status', join(dir, 'run')]);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(
      /^batch\s+judge\s+provider id\s+phase\s+requests\s+succeeded\s+failed\s+processing\s+submitted$/m,
    );
    expect(status.stdout).toMatch(
      /^r1-1\s+openai:gpt-4\.1-mini\s+batch_\S+\s+submitted \(ended\)\s+4\s+4\s+0\s+0\s+20\d\d-/m,
    );
    expect(status.stdout).toMatch(/not finished: judgekit batch collect/);

    const collected = await runCLI(['batch', 'collect', join(dir, 'run')]);
    expect(collected.code, collected.stderr).toBe(0);
    expect(collected.stderr).toMatch(
      /collected r1-1 openai:gpt-4\.1-mini batch_\S+: 4 succeeded, 0 failed\n/,
    );
    expect(collected.stderr).toMatch(/graded 4 transcript\(s\) with 2 grader\(s\): 8 verdicts \(0 errors/);
    expect(server.modelCalls().length).toBe(callsBefore);
    expect((await readManifest(join(dir, 'run'))).status).toBe('complete');

    const after = await runCLI(['batch', 'status', join(dir, 'run'), '--json']);
    expect(JSON.parse(after.stdout)).toMatchObject({
      finishedAt: expect.any(String),
      failedRequests: 0,
      batches: [{ id: 'r1-1', phase: 'collected', counts: { total: 4, succeeded: 4, failed: 0 } }],
    });
    const again = await runCLI(['batch', 'collect', join(dir, 'run')]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/run was finished at 20\d\d-\S+: nothing to collect/);
    expect(await readVerdicts(join(dir, 'run'))).toHaveLength(8);
  });

  it('finishes at once when every judge request is already cached', async () => {
    const dir = temporaryDirectory();
    expect((await runCLI(gradeArgs(dir, 'sync'))).code).toBe(0);
    const callsBefore = server.modelCalls().length;
    const batchesBefore = server.requests.filter((request) => request.path.endsWith('/batches')).length;
    const batched = await runCLI([...gradeArgs(dir, 'run'), '--batch']);
    expect(batched.code, batched.stderr).toBe(0);
    expect(batched.stderr).toMatch(
      /every judge request of 4 unit\(s\) is already in the response cache: finishing the run now/,
    );
    expect(batched.stderr).toMatch(/graded 4 transcript\(s\) with 2 grader\(s\): 8 verdicts/);
    expect(server.modelCalls().length).toBe(callsBefore);
    expect(server.requests.filter((request) => request.path.endsWith('/batches'))).toHaveLength(
      batchesBefore,
    );
  });

  it('collect --json prints only the collect report on stdout, the finishing summary as text on stderr', async () => {
    const dir = temporaryDirectory();
    expect((await runCLI([...gradeArgs(dir, 'run'), '--batch'])).code).toBe(0);
    const collected = await runCLI(['batch', 'collect', join(dir, 'run'), '--json']);
    expect(collected.code, collected.stderr).toBe(0);
    expect(JSON.parse(collected.stdout)).toMatchObject({
      finished: true,
      collected: [{ id: 'r1-1', counts: { succeeded: 4, failed: 0 } }],
      summary: { status: 'complete', counts: { verdicts: 8 } },
    });
    expect(collected.stderr).toMatch(/graded 4 transcript\(s\) with 2 grader\(s\): 8 verdicts/);
    expect(collected.stderr).not.toMatch(/^collected /m);
  });

  it('grade --batch --json prints the run summary as JSON when every request is already cached', async () => {
    const dir = temporaryDirectory();
    expect((await runCLI(gradeArgs(dir, 'sync'))).code).toBe(0);
    const batched = await runCLI([...gradeArgs(dir, 'run'), '--batch', '--json']);
    expect(batched.code, batched.stderr).toBe(0);
    expect(batched.stderr).toMatch(/already in the response cache: finishing the run now/);
    expect(JSON.parse(batched.stdout)).toMatchObject({ status: 'complete', counts: { verdicts: 8 } });
  });

  it('collect leaves a running batch waiting, and with --wait polls at --poll-interval until it ends', async () => {
    const manual = await startTestServer({
      handler: (call) => reply(answerFromSchema(call.schema)),
      batchCompletion: 'manual',
    });
    try {
      const dir = temporaryDirectory();
      const args = gradeArgs(dir, 'run', undefined, manual.openaiBaseURL);
      expect((await runCLI([...args, '--batch'])).code).toBe(0);
      const early = await runCLI(['batch', 'collect', join(dir, 'run')]);
      expect(early.code, early.stderr).toBe(0);
      expect(early.stderr).toMatch(/waiting for 1 batch\(es\): r1-1 openai:gpt-4\.1-mini batch_\S+ \(/);
      expect(early.stderr).toMatch(
        /not finished: run `judgekit batch collect .*run` again later, or add --wait/,
      );
      expect(await readVerdicts(join(dir, 'run'))).toHaveLength(0);

      const completion = new Promise<void>((resolve) => setTimeout(resolve, 300)).then(() =>
        manual.completeBatches(),
      );
      const waited = await runCLI([
        'batch',
        'collect',
        join(dir, 'run'),
        '--wait',
        '--poll-interval',
        '0.05',
      ]);
      await completion;
      expect(waited.code, waited.stderr).toBe(0);
      expect(waited.stderr).toMatch(/collected r1-1 openai:gpt-4\.1-mini batch_\S+: 4 succeeded, 0 failed\n/);
      expect(waited.stderr).toMatch(/graded 4 transcript\(s\) with 2 grader\(s\): 8 verdicts/);
      expect((await readManifest(join(dir, 'run'))).status).toBe('complete');
    } finally {
      await manual.close();
    }
  }, 20_000);

  it('refuses --resume on a waiting batch run, --batch with --resume, and a second --batch into the run', async () => {
    const dir = temporaryDirectory();
    expect((await runCLI([...gradeArgs(dir, 'run'), '--batch'])).code).toBe(0);
    const resumed = await runCLI([...gradeArgs(dir, 'run'), '--resume']);
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toMatch(
      /is a batch run waiting for its batches: finish it with `judgekit batch collect/,
    );
    const both = await runCLI([...gradeArgs(dir, 'run'), '--batch', '--resume']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/a batch run is continued with `judgekit batch collect/);
    const again = await runCLI([...gradeArgs(dir, 'run'), '--batch']);
    expect(again.code).toBe(4);
    expect(again.stderr).toMatch(
      /already holds a batch run; continue it with `judgekit batch collect`, or pass --overwrite/,
    );
  });

  it('refuses a judge without a batch API, and a directory that is not a batch run', async () => {
    const dir = temporaryDirectory();
    const compatible = await runCLI([...gradeArgs(dir, 'run', 'compatible:qwen3:8b'), '--batch']);
    expect(compatible.code).toBe(2);
    expect(compatible.stderr).toMatch(/compatible:qwen3:8b has no batch API/);
    const status = await runCLI(['batch', 'status', join(dir, 'nothing')]);
    expect(status.code).toBe(4);
    expect(status.stderr).toMatch(/holds no batches\.json: it was not started with grade --batch/);
  });
});
