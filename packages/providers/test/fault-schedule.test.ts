import { describe, expect, it } from 'vitest';
import { createJudgeModel, JudgeCallError, JudgeOutputError, type JudgeResponse } from '../src/index.js';
import {
  cutConnection,
  hang,
  httpError,
  invalidJSON,
  reply,
  replyText,
  type ScriptStep,
} from '../src/testing/index.js';
import {
  GOOD_VERDICT,
  TEST_KEY,
  type TestVerdict,
  tempDir,
  useTestServer,
  verdictRequest,
} from './support.js';

/** Deterministic PRNG (mulberry32), so a failing schedule can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const SCHEDULE: [number, () => ScriptStep][] = [
  [0.55, () => reply(GOOD_VERDICT)],
  [0.1, () => httpError(429, { retryAfterMs: 1 })],
  [0.08, () => httpError(500, { retryAfterMs: 1 })],
  [0.07, () => replyText('{"label": "maybe"}')],
  [0.07, () => invalidJSON()],
  [0.07, () => cutConnection()],
  [0.06, () => hang()],
];

/** Calls per run: a short variant in CI, ≥ 1,000 with JUDGEKIT_LONG_TESTS=1. */
const CALLS = process.env.JUDGEKIT_LONG_TESTS ? 1200 : 200;

describe('randomized fault schedule', () => {
  const server = useTestServer();

  it(`ends every one of ${CALLS} calls in an answer or a typed error, and re-pays for no answer`, async () => {
    const next = random(20_261_124);
    server().handle(() => {
      let roll = next();
      for (const [weight, step] of SCHEDULE) {
        roll -= weight;
        if (roll < 0) return step();
      }
      return reply(GOOD_VERDICT);
    });
    const cacheDir = await tempDir();
    const model = createJudgeModel('openai:gpt-4.1-mini', {
      env: {},
      apiKey: TEST_KEY,
      baseURL: server().openaiBaseURL,
      cacheDir,
      timeoutMs: 1000,
      maxRetries: 2,
      concurrency: 64,
    });
    const requests = Array.from({ length: CALLS }, (_, index) => verdictRequest(`transcript ${index}`));
    const outcomes = await Promise.allSettled(requests.map((request) => model.complete(request)));

    const answered = new Set<number>();
    for (const [index, outcome] of outcomes.entries()) {
      if (outcome.status === 'fulfilled') {
        expect(outcome.value.output).toEqual(GOOD_VERDICT);
        answered.add(index);
        continue;
      }
      const error: unknown = outcome.reason;
      const typed = JudgeCallError.isInstance(error) || JudgeOutputError.isInstance(error);
      expect(typed, String(error)).toBe(true);
    }
    // Both outcomes occur (how many of each depends on timing under load, so no finer bound).
    expect(answered.size).toBeGreaterThan(0);
    expect(answered.size).toBeLessThan(CALLS);

    const callsBefore = server().modelCalls().length;
    server().handle(() => reply(GOOD_VERDICT));
    const rerun = await Promise.all(
      requests.map((request) => model.complete(request).catch(() => undefined)),
    );
    const fresh = server().modelCalls().slice(callsBefore);
    const freshPrompts = new Set(
      fresh.map(
        (call) => (JSON.parse(call.body) as { messages: { content: string }[] }).messages[1]!.content,
      ),
    );
    for (const index of answered) {
      expect((rerun[index] as JudgeResponse<TestVerdict>).cached).toBe(true);
      expect(freshPrompts.has(`transcript ${index}`)).toBe(false);
    }
  }, 60_000);
});
