import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createRegistry,
  prepareGraders,
  readVerdicts,
  runGrading,
  type Transcript,
  type Verdict,
} from '@judgekit/core';
import { loadFixtureCorpus } from '@judgekit/fixtures';
import { plugins } from '@judgekit/grader-llm-judge';
import { keywordJudge } from '@judgekit/grader-llm-judge/testing';
import { startTestServer, type TestServer } from '@judgekit/providers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULTS, faultSchedule } from './helpers/fault-schedule.js';
import { LONG } from './helpers/temp-dir.js';

/** Short in CI (≥ 200 model calls); ≥ 1,000 calls over the whole corpus with JUDGEKIT_LONG_TESTS=1. */
const TRANSCRIPTS = LONG ? 352 : 60;
const MIN_CALLS = LONG ? 1_000 : 200;
const SETTINGS = { timeoutMs: 400, maxRetries: 2, concurrency: 16 };
const ENV = { OPENAI_API_KEY: 'sk-local-test', JUDGEKIT_COMPATIBLE_API_KEY: 'local-test' };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const temporary = () => mkdtempSync(join(tmpdir(), 'judgekit-faults-'));

/** `llm-judge.scheming` on an OpenAI-compatible judge (repair retry) and the three per-dimension graders on an OpenAI judge (strict schema, no repair). */
function graders(cacheDir: string) {
  const compatible = { judge: 'compatible:qwen3:8b', baseURL: server.openaiBaseURL, ...SETTINGS };
  const openai = { judge: 'openai:gpt-test', baseURL: server.openaiBaseURL, ...SETTINGS };
  return prepareGraders(
    [
      { use: 'llm-judge.scheming', options: compatible },
      { use: 'llm-judge.covert-action', options: openai },
      { use: 'llm-judge.plausible-deniability', options: openai },
      { use: 'llm-judge.eval-awareness', options: openai },
    ],
    createRegistry(plugins),
    { env: ENV, cwd: process.cwd(), cacheDir },
  );
}

async function gradeAll(transcripts: readonly Transcript[]): Promise<{ verdicts: Verdict[]; ms: number }> {
  const runDir = join(temporary(), 'run');
  const started = Date.now();
  const summary = await runGrading({
    runDir,
    transcripts: transcripts.map((transcript) => ({ ok: true as const, transcript })),
    graders: graders(temporary()),
    concurrency: 16,
  });
  expect(summary.status).toBe('complete');
  return { verdicts: await readVerdicts(runDir), ms: Date.now() - started };
}

const key = (verdict: Verdict) => `${verdict.transcriptId}/${verdict.grader.name}/${verdict.dimension}`;

describe(`a run under random fault schedules (${TRANSCRIPTS} transcripts, ≥ ${MIN_CALLS} model calls)`, () => {
  it(
    'ends every (transcript, grader, dimension) in exactly one verdict — the fault-free answer or an error verdict — and never hangs',
    async () => {
      const transcripts = loadFixtureCorpus().slice(0, TRANSCRIPTS);
      const expectedKeys = transcripts.length * (3 + 3);

      server.reset();
      server.handle(keywordJudge());
      const reference = await gradeAll(transcripts);
      const truth = new Map(reference.verdicts.map((verdict) => [key(verdict), verdict.label]));
      expect(reference.verdicts.filter((verdict) => verdict.error)).toEqual([]);
      expect(truth.size).toBe(expectedKeys);

      server.reset();
      const schedule = faultSchedule({ seed: 20261126, rate: 0.35 });
      server.handle(schedule.handler);
      const faulted = await gradeAll(transcripts);
      const calls = server.modelCalls().length;

      // no duplicate and no missing verdict
      const keys = faulted.verdicts.map(key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.sort()).toEqual([...truth.keys()].sort());
      // each verdict: the same label as without faults, or an error verdict (label null) with its cause
      let errors = 0;
      for (const verdict of faulted.verdicts) {
        if (verdict.error) {
          errors++;
          expect(verdict.label).toBeNull();
          expect(['JudgeCallError', 'JudgeOutputError']).toContain(verdict.error.name);
        } else expect(verdict.label, key(verdict)).toBe(truth.get(key(verdict)));
        // one unit never outlives its retries: (maxRetries + 1) × timeout plus the SDK's backoffs
        expect(verdict.timing!.durationMs).toBeLessThan(20_000);
      }
      // the schedule played every kind of fault, enough calls were made, and some faults survived the retries
      expect(calls).toBeGreaterThanOrEqual(MIN_CALLS);
      for (const kind of Object.keys(FAULTS)) expect(schedule.played.get(kind) ?? 0, kind).toBeGreaterThan(0);
      expect(errors).toBeGreaterThan(0);
      expect(errors).toBeLessThan(faulted.verdicts.length);
      const faults = [...schedule.played].filter(([kind]) => kind !== 'answer');
      console.info(
        `fault run: ${transcripts.length} transcripts, ${calls} model calls (${faults.reduce((sum, [, count]) => sum + count, 0)} faults: ${faults.map(([kind, count]) => `${kind} ${count}`).join(', ')}), ${faulted.verdicts.length} verdicts, ${errors} error verdicts, ${(faulted.ms / 1000).toFixed(1)} s (fault-free: ${(reference.ms / 1000).toFixed(1)} s)`,
      );
    },
    LONG ? 900_000 : 240_000,
  );
});
