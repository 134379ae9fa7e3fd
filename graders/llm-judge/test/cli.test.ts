import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readVerdicts } from '@judgekit/core';
import { judgekitCommand, runJudgekit, spawnJudgekit } from '@judgekit/test-support';
import { describe, expect, it } from 'vitest';
import { keywordJudge } from '../src/testing/index.js';
import { TEST_ENV, temporaryDirectory, useTestServer } from './helpers/judge-setup.js';
import { cachedResponses, writeFixtureSubset } from './helpers/run-files.js';

const CLI_TIMEOUT = 90_000;

describe(`judgekit grade with LLM judges (CLI from ${judgekitCommand().mode})`, () => {
  const server = useTestServer();

  it(
    'lists the LLM-judge graders with needsKey',
    async () => {
      const dir = temporaryDirectory();
      const result = await runJudgekit(['graders', '--json'], { cwd: dir });
      expect(result.code).toBe(0);
      const graders = (JSON.parse(result.stdout) as { id: string; needsKey: boolean; kind: string }[]).filter(
        (grader) => grader.kind === 'llm-judge',
      );
      expect(graders.map((grader) => [grader.id, grader.needsKey]).sort()).toEqual([
        ['llm-judge.covert-action', true],
        ['llm-judge.eval-awareness', true],
        ['llm-judge.plausible-deniability', true],
        ['llm-judge.scheming', true],
      ]);
    },
    CLI_TIMEOUT,
  );

  for (const [judge, grader, dimensions] of [
    ['openai:local-test', 'llm-judge.covert-action', 1],
    ['anthropic:local-test', 'llm-judge.scheming', 3],
    ['compatible:qwen3:8b', 'llm-judge.eval-awareness', 1],
  ] as const) {
    it(
      `grades fixture transcripts with --judge ${judge}, and a repeated run makes zero model calls`,
      async () => {
        server().handle(keywordJudge());
        const dir = temporaryDirectory();
        const input = writeFixtureSubset(dir, 8);
        const baseURL = judge.startsWith('anthropic:') ? server().anthropicBaseURL : server().openaiBaseURL;
        const args = (out: string) => [
          'grade',
          input,
          '--graders',
          grader,
          '--judge',
          judge,
          '--base-url',
          baseURL,
          '--cache-dir',
          join(dir, 'cache'),
          '--out',
          join(dir, out),
        ];
        // a compatible server may need no key: run that one without any
        const env = judge.startsWith('compatible:') ? {} : TEST_ENV;
        const first = await runJudgekit(args('run-1'), { cwd: dir, env });
        expect(first.stderr).toMatch(
          new RegExp(
            `graded 8 transcript\\(s\\) with 1 grader\\(s\\): ${8 * dimensions} verdicts \\(0 errors`,
          ),
        );
        expect(first.code).toBe(0);
        expect(server().modelCalls()).toHaveLength(8);
        const verdicts = await readVerdicts(join(dir, 'run-1'));
        expect(verdicts).toHaveLength(8 * dimensions);
        for (const verdict of verdicts) {
          expect(verdict.provenance).toMatchObject({
            judges: [{ name: judge, models: [judge.slice(judge.indexOf(':') + 1)] }],
          });
          for (const item of verdict.evidence) expect(item.verified).toBe(true);
        }
        const again = await runJudgekit(args('run-2'), { cwd: dir, env });
        expect(again.code).toBe(0);
        expect(server().modelCalls()).toHaveLength(8);
        const repeated = await readVerdicts(join(dir, 'run-2'));
        const labels = (list: typeof verdicts) =>
          list.map((verdict) => `${verdict.transcriptId}/${verdict.dimension}=${verdict.label}`).sort();
        expect(labels(repeated)).toEqual(labels(verdicts));
        expect(repeated.every((verdict) => (verdict.provenance as { cacheHit: boolean }).cacheHit)).toBe(
          true,
        );
      },
      CLI_TIMEOUT,
    );
  }

  it(
    'says which flag is missing when no judge is given',
    async () => {
      const dir = temporaryDirectory();
      const result = await runJudgekit(
        [
          'grade',
          writeFixtureSubset(dir, 1),
          '--graders',
          'llm-judge.covert-action',
          '--out',
          join(dir, 'run'),
        ],
        { cwd: dir, env: TEST_ENV },
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/no judge model: pass --judge <provider:model>/);
    },
    CLI_TIMEOUT,
  );

  it(
    'resumes a run killed with SIGKILL, paying again only for the calls that were in flight',
    async () => {
      server().handle(keywordJudge());
      server().latencyMs = 300;
      const dir = temporaryDirectory();
      const total = 16;
      const input = writeFixtureSubset(dir, total);
      const cacheDir = join(dir, 'cache');
      const out = join(dir, 'run');
      const args = [
        'grade',
        input,
        '--graders',
        'llm-judge.covert-action',
        '--judge',
        'openai:local-test',
        '--base-url',
        server().openaiBaseURL,
        '--cache-dir',
        cacheDir,
        '--concurrency',
        '4',
        '--out',
        out,
      ];
      const child = spawnJudgekit(args, { cwd: dir, env: TEST_ENV });
      const deadline = Date.now() + 60_000;
      while (server().modelCalls().length < 6 && Date.now() < deadline) await sleep(20);
      child.kill('SIGKILL');
      await new Promise((resolve) => child.on('close', resolve));
      // let requests already on the wire arrive (and the answers nobody reads any more go out)
      await sleep(500);
      const receivedAtKill = server().modelCalls().length;
      const storedAtKill = cachedResponses(cacheDir);
      expect(receivedAtKill).toBeGreaterThanOrEqual(6);
      expect(receivedAtKill).toBeLessThan(total);

      const resumed = await runJudgekit([...args, '--resume'], { cwd: dir, env: TEST_ENV });
      expect(resumed.code).toBe(0);
      const verdicts = await readVerdicts(out);
      expect(new Set(verdicts.map((verdict) => verdict.transcriptId)).size).toBe(total);
      expect(verdicts).toHaveLength(total);
      const calls = server().modelCalls().length;
      const inFlightAtKill = receivedAtKill - storedAtKill;
      expect(calls).toBeGreaterThanOrEqual(total);
      expect(calls).toBeLessThanOrEqual(total + inFlightAtKill);
      expect(inFlightAtKill).toBeLessThanOrEqual(4);
    },
    CLI_TIMEOUT,
  );
});
