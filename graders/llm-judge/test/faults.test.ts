import {
  createRegistry,
  prepareGraders,
  readVerdicts,
  runGrading,
  type TranscriptInput,
  TranscriptSchema,
} from '@judgekit/core';
import {
  cutConnection,
  hang,
  httpError,
  invalidJSON,
  replyText,
  type ScriptStep,
} from '@judgekit/providers/testing';
import { describe, expect, it } from 'vitest';
import { covertActionJudge, plugins, schemingJudge } from '../src/index.js';
import { keywordJudge, keywordReply } from '../src/testing/index.js';
import {
  baseURLFor,
  gradeLocally,
  TEST_ENV,
  temporaryDirectory,
  useTestServer,
} from './helpers/judge-setup.js';
import { falseSuccessTranscript, honestTranscript } from './helpers/transcripts.js';

const SCHEMA_VIOLATION =
  '{"covert_action":{"evidence":[],"rationale":"unsure","category":null,"label":"maybe"}}';

describe.each(['openai:gpt-test', 'anthropic:claude-test'])('faults through %s', (judge) => {
  const server = useTestServer();
  const options = (extra: Record<string, unknown> = {}) => ({
    judge,
    baseURL: baseURLFor(server(), judge),
    ...extra,
  });

  it('retries a 429 burst after the retry-after the server asked for, then grades', async () => {
    server().enqueue(httpError(429, { retryAfter: '0.05' }), httpError(429, { retryAfter: '0.05' }));
    server().handle(keywordJudge());
    const [verdict] = await gradeLocally(covertActionJudge, falseSuccessTranscript(), options());
    expect(verdict!.error).toBeUndefined();
    expect(verdict!.label).toBe(true);
    expect(server().modelCalls()).toHaveLength(3);
  });

  it('retries 500s and a cut connection, then grades', async () => {
    server().enqueue(httpError(500), cutConnection(), httpError(503, { retryAfterMs: 10 }));
    server().handle(keywordJudge());
    const [verdict] = await gradeLocally(covertActionJudge, honestTranscript(), options());
    expect(verdict!.error).toBeUndefined();
    expect(verdict!.label).toBe(false);
    expect(server().modelCalls()).toHaveLength(4);
  });

  it('ends a server that never answers in an error verdict within (retries + 1) × timeout', async () => {
    server().enqueue(hang(), hang());
    const started = Date.now();
    const [verdict] = await gradeLocally(
      covertActionJudge,
      honestTranscript(),
      options({ timeoutMs: 250, maxRetries: 1 }),
    );
    const elapsed = Date.now() - started;
    expect(verdict!.label).toBeNull();
    expect(verdict!.error).toMatchObject({ name: 'JudgeCallError', code: 'JUDGE_CALL', retryable: true });
    expect(verdict!.error!.message).toMatch(/timeout/);
    // (retries + 1) × timeout + one backoff ≈ 1 s; a missing timeout would hang until the test's own
    // timeout. Loose because machine load can only add delay.
    expect(elapsed).toBeLessThan(5000);
  });

  it('ends a 429 burst longer than the retries in an error verdict, not a guess', async () => {
    server().enqueue(...Array.from({ length: 3 }, () => httpError(429, { retryAfterMs: 5 })));
    const verdicts = await gradeLocally(schemingJudge, falseSuccessTranscript(), options({ maxRetries: 2 }));
    expect(verdicts.map((verdict) => [verdict.dimension, verdict.label, verdict.error?.name])).toEqual([
      ['covert_action', null, 'JudgeCallError'],
      ['plausible_deniability', null, 'JudgeCallError'],
      ['eval_awareness', null, 'JudgeCallError'],
    ]);
    expect(verdicts[0]!.error!.message).toMatch(/rate-limit/);
    expect(verdicts[0]!.provenance).toMatchObject({ failedCalls: 1 });
  });

  it('turns a body that is not JSON into an error verdict', async () => {
    server().enqueue(invalidJSON());
    const [verdict] = await gradeLocally(covertActionJudge, honestTranscript(), options());
    expect(verdict!.label).toBeNull();
    expect(verdict!.error).toMatchObject({ name: 'JudgeCallError', retryable: true });
    expect(verdict!.error!.message).toMatch(/invalid-response/);
  });

  it('turns an answer that violates the schema into an error verdict that keeps what it cost', async () => {
    server().enqueue(replyText(SCHEMA_VIOLATION, { usage: { input: 900, output: 30 } }));
    const [verdict] = await gradeLocally(covertActionJudge, falseSuccessTranscript(), options());
    expect(verdict!.label).toBeNull();
    expect(verdict!.error).toMatchObject({
      name: 'JudgeOutputError',
      code: 'JUDGE_OUTPUT',
      retryable: false,
    });
    expect(verdict!.usage).toMatchObject({ inputTokens: 900, outputTokens: 30, calls: 1 });
    expect(server().modelCalls()).toHaveLength(1);
  });
});

describe('faults on an OpenAI-compatible server (schema not enforced: one repair retry)', () => {
  const server = useTestServer();
  const options = () => ({ judge: 'compatible:qwen3:8b', baseURL: server().openaiBaseURL });

  it('repairs a schema-violating answer once, and grades', async () => {
    server().enqueue(replyText(SCHEMA_VIOLATION));
    server().handle(keywordJudge());
    const [verdict] = await gradeLocally(covertActionJudge, falseSuccessTranscript(), options());
    expect(verdict!.error).toBeUndefined();
    expect(verdict!.label).toBe(true);
    expect(verdict!.provenance).toMatchObject({ repaired: 1 });
    expect(server().modelCalls()).toHaveLength(2);
  });

  it('gives an error verdict when the repair fails too, after exactly two calls', async () => {
    server().enqueue(replyText(SCHEMA_VIOLATION), replyText('I think it is fine.'));
    const [verdict] = await gradeLocally(covertActionJudge, falseSuccessTranscript(), options());
    expect(verdict!.error).toMatchObject({ name: 'JudgeOutputError' });
    expect(verdict!.error!.message).toMatch(/after one repair retry/);
    expect(verdict!.usage!.calls).toBe(2);
    expect(server().modelCalls()).toHaveLength(2);
  });
});

describe('faults in ensembles and aborts', () => {
  const server = useTestServer();

  it('gives error verdicts, not the surviving judges’ answer, when one judge of an ensemble fails', async () => {
    server().handle((call) => (call.kind === 'anthropic-messages' ? httpError(400) : keywordReply(call)));
    const [verdict] = await gradeLocally(covertActionJudge, falseSuccessTranscript(), {
      judges: [
        { model: 'openai:judge-a', baseURL: server().openaiBaseURL },
        { model: 'anthropic:judge-b', baseURL: server().anthropicBaseURL },
      ],
    });
    expect(verdict!.label).toBeNull();
    expect(verdict!.error?.name).toBe('JudgeCallError');
    expect(verdict!.usage!.calls).toBe(1);
  });

  it('leaves an aborted transcript ungraded (no verdict), so a resumed run grades it', async () => {
    server().handle(() => hang());
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expect(
      gradeLocally(
        covertActionJudge,
        honestTranscript(),
        { judge: 'openai:gpt-test', baseURL: server().openaiBaseURL },
        {
          signal: controller.signal,
        },
      ),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});

/** A seeded generator (mulberry32), so a failing schedule can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('a run under a random fault schedule', () => {
  const server = useTestServer();

  it('ends every transcript with one verdict per grader and dimension — graded or an error — and nothing hangs', async () => {
    const random = seeded(20261126);
    const faults: (() => ScriptStep)[] = [
      () => httpError(429, { retryAfterMs: 5 }),
      () => httpError(500),
      () => cutConnection(),
      () => hang(),
      () => invalidJSON(),
      () => replyText(SCHEMA_VIOLATION),
    ];
    const seen: string[] = [];
    server().handle((call) => {
      const roll = random();
      const step = roll < 0.45 ? faults[Math.floor(random() * faults.length)]!() : keywordReply(call);
      seen.push(step.type);
      return step;
    });
    const transcripts: TranscriptInput[] = Array.from({ length: 12 }, (_, index) => {
      const transcript =
        index % 2 === 0 ? falseSuccessTranscript(`t-${index}`) : honestTranscript(`t-${index}`);
      // distinct content: identical transcripts share one cached answer
      transcript.messages[1] = { role: 'user', content: `Ticket ${index}: fix the rounding bug.` };
      return transcript;
    });
    const settings = { baseURL: server().openaiBaseURL, timeoutMs: 200, maxRetries: 2 };
    const graders = prepareGraders(
      [
        { use: 'llm-judge.scheming', options: { judge: 'openai:gpt-test', ...settings } },
        {
          use: 'llm-judge.covert-action',
          options: { judge: 'anthropic:claude-test', ...settings, baseURL: server().anthropicBaseURL },
        },
      ],
      createRegistry(plugins),
      { env: TEST_ENV, cwd: process.cwd(), cacheDir: temporaryDirectory() },
    );
    const runDir = `${temporaryDirectory()}/run`;
    const started = Date.now();
    const summary = await runGrading({
      runDir,
      transcripts: transcripts.map((transcript) => ({
        ok: true as const,
        transcript: TranscriptSchema.parse(transcript),
      })),
      graders,
      concurrency: 6,
    });
    expect(Date.now() - started).toBeLessThan(25_000);
    expect(summary.status).toBe('complete');
    const verdicts = await readVerdicts(runDir);
    const keys = verdicts.map(
      (verdict) => `${verdict.transcriptId}/${verdict.grader.name}/${verdict.dimension}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(12 * (3 + 1));
    for (const verdict of verdicts) {
      if (verdict.error) {
        expect(verdict.label).toBeNull();
        expect(['JudgeCallError', 'JudgeOutputError']).toContain(verdict.error.name);
      } else expect(typeof verdict.label).toBe('boolean');
    }
    // the schedule did inject faults, and some of them survived the retries as error verdicts
    expect(seen.length).toBeGreaterThanOrEqual(24);
    expect(new Set(seen).size).toBeGreaterThanOrEqual(4);
    expect(verdicts.some((verdict) => verdict.error)).toBe(true);
    expect(verdicts.some((verdict) => !verdict.error)).toBe(true);
  });
});
