import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readManifest, readVerdicts, type Verdict } from '@judgekit/core';
import { CORPUS_PATH } from '@judgekit/fixtures';
import { keywordJudge } from '@judgekit/grader-llm-judge/testing';
import { cacheKey } from '@judgekit/providers';
import { startTestServer, type TestServer } from '@judgekit/providers/testing';
import { exited, judgekitCommand, spawnJudgekit } from '@judgekit/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeded } from './helpers/fault-schedule.js';
import { LONG } from './helpers/temp-dir.js';

const KILLS = LONG ? 60 : 20;
const TRANSCRIPTS = 352;
/** Longest kill delay after a process's first call: short enough that the run cannot finish before the last kill. */
const MAX_KILL_DELAY_MS = LONG ? 200 : 400;
const LATENCY_MS = 120;
const CONCURRENCY = 4;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ latencyMs: LATENCY_MS, handler: keywordJudge() });
});
afterAll(async () => {
  await server.close();
});

function gradeArgs(dir: string, input: string, out: string, cache: string): string[] {
  return [
    'grade',
    input,
    '--graders',
    'llm-judge.scheming',
    '--judge',
    'compatible:judge-local',
    '--base-url',
    server.openaiBaseURL,
    '--cache-dir',
    join(dir, cache),
    '--concurrency',
    String(CONCURRENCY),
    '--out',
    join(dir, out),
  ];
}

/** What must match between two runs: identity and answer of every verdict, not timing. */
function verdictSet(verdicts: readonly Verdict[]): string[] {
  return verdicts
    .map((verdict) =>
      JSON.stringify([
        verdict.transcriptId,
        verdict.grader.name,
        verdict.dimension,
        verdict.label,
        verdict.score ?? null,
        verdict.category ?? null,
      ]),
    )
    .sort();
}

/** Content addresses of the responses stored in a cache directory. */
function storedKeys(cacheDir: string): Set<string> {
  if (!existsSync(cacheDir)) return new Set();
  return new Set(
    readdirSync(cacheDir, { recursive: true })
      .map(String)
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(-69, -5)),
  );
}

/** The cache key of a recorded request, as the compatible provider derives it from the exact body. */
const keyOf = (body: string) => cacheKey({ provider: 'compatible', body: JSON.parse(body), sample: 0 });

describe(`judgekit grade killed with SIGKILL ${KILLS} times at random points, resumed each time (CLI from ${judgekitCommand().mode})`, () => {
  it(
    'ends with the verdict set of an uninterrupted run, and never pays again for a request whose answer was stored',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'judgekit-crashes-'));
      const input = join(dir, 'transcripts.jsonl');
      const lines = readFileSync(CORPUS_PATH, 'utf8').split('\n').filter(Boolean).slice(0, TRANSCRIPTS);
      writeFileSync(input, `${lines.join('\n')}\n`);

      // the uninterrupted run
      server.reset();
      const reference = await exited(
        spawnJudgekit(gradeArgs(dir, input, 'reference', 'reference-cache'), { cwd: dir }),
      );
      expect(reference.code, reference.stderr).toBe(0);
      const referenceVerdicts = await readVerdicts(join(dir, 'reference'));
      expect(referenceVerdicts).toHaveLength(TRANSCRIPTS * 3);
      // the key derivation used below is the provider's: every request of that run is in its cache
      const referenceStored = storedKeys(join(dir, 'reference-cache'));
      const referenceCalls = server.modelCalls();
      expect(referenceCalls).toHaveLength(TRANSCRIPTS);
      for (const call of referenceCalls) expect(referenceStored.has(keyOf(call.body))).toBe(true);

      // the killed-and-resumed run
      server.reset();
      const random = seeded(7_654_321);
      const cacheDir = join(dir, 'cache');
      const segments: { from: number; to: number; storedBefore: Set<string> }[] = [];
      let kills = 0;
      let finished = false;
      let attempts = 0;
      while (!finished) {
        attempts++;
        const resume = existsSync(join(dir, 'run', 'manifest.json'));
        const args = [...gradeArgs(dir, input, 'run', 'cache'), resume ? '--resume' : '--overwrite'];
        const storedBefore = storedKeys(cacheDir);
        const from = Date.now();
        const child = spawnJudgekit(args, { cwd: dir });
        const done = exited(child);
        if (kills < KILLS) {
          // a fifth of the kills at a random time from start-up; the rest a random time after this
          // process's first model call, i.e. while verdicts and cache entries are being written
          const callsBefore = server.modelCalls().length;
          const duringStartup = random() < 0.2;
          const delay = duringStartup
            ? 50 + Math.floor(random() * 1_500)
            : Math.floor(random() * MAX_KILL_DELAY_MS);
          let ended = false;
          void done.then(() => {
            ended = true;
          });
          const killPoint = (async () => {
            if (!duringStartup) {
              while (!ended && server.modelCalls().length === callsBefore) await sleep(5);
            }
            await sleep(delay);
            return 'kill' as const;
          })();
          const outcome = await Promise.race([done, killPoint]);
          if (outcome === 'kill') {
            child.kill('SIGKILL');
            await done;
            kills++;
          } else {
            expect(outcome.code, outcome.stderr).toBe(0);
            finished = true;
          }
        } else {
          const outcome = await done;
          expect(outcome.code, outcome.stderr).toBe(0);
          finished = true;
        }
        segments.push({ from, to: Date.now(), storedBefore });
        // answers still in flight to a killed client land nowhere; let the server finish them
        await sleep(LATENCY_MS + 50);
        expect(attempts).toBeLessThan(KILLS + 50);
      }
      expect(kills).toBe(KILLS);
      // the run was still grading at the last kill, so every kill interrupted real work
      expect(segments.at(-1)!.storedBefore.size).toBeLessThan(TRANSCRIPTS);

      // the same verdicts as the uninterrupted run, each exactly once
      const verdicts = await readVerdicts(join(dir, 'run'));
      expect(verdictSet(verdicts)).toEqual(verdictSet(referenceVerdicts));
      expect((await readManifest(join(dir, 'run'))).status).toBe('complete');

      // no request whose answer was already stored was sent again; repeats are only calls in flight at a kill
      const calls = server.modelCalls();
      const perKey = new Map<string, number>();
      let paidAgainAfterStored = 0;
      for (const call of calls) {
        const key = keyOf(call.body);
        perKey.set(key, (perKey.get(key) ?? 0) + 1);
        const segment = segments.find(
          (entry) => call.receivedAt >= entry.from && call.receivedAt <= entry.to,
        );
        expect(segment, 'every call falls in the life of one process').toBeDefined();
        if (segment!.storedBefore.has(key)) paidAgainAfterStored++;
      }
      expect(paidAgainAfterStored).toBe(0);
      const repeated = [...perKey.values()].filter((count) => count > 1).length;
      expect(perKey.size).toBe(TRANSCRIPTS);
      // each kill can leave at most `concurrency` calls unanswered
      expect(calls.length - perKey.size).toBeLessThanOrEqual(kills * CONCURRENCY);
      console.info(
        `crash loop: ${kills} SIGKILLs over ${attempts} processes, ${calls.length} model calls for ${perKey.size} distinct requests (${repeated} requests re-sent after being in flight at a kill, 0 re-sent after their answer was stored); uninterrupted run: ${referenceCalls.length} calls`,
      );
    },
    LONG ? 1_200_000 : 300_000,
  );
});
