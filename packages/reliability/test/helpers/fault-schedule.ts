import { keywordReply } from '@judgekit/grader-llm-judge/testing';
import {
  cutConnection,
  hang,
  httpError,
  invalidJSON,
  type ModelCall,
  type ModelCallHandler,
  replyText,
  type ScriptStep,
} from '@judgekit/providers/testing';

/** mulberry32: a seeded generator, so a failing schedule can be replayed from its seed. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** The faults a schedule draws from, each a kind name and the server step that plays it. */
export const FAULTS: Record<string, (call: ModelCall) => ScriptStep> = {
  'rate-limit 429 + retry-after (s)': () => httpError(429, { retryAfter: '0.02' }),
  'rate-limit 429 + retry-after-ms': () => httpError(429, { retryAfterMs: 15 }),
  'server error 500': () => httpError(500),
  'bad gateway 502': () => httpError(502),
  'unavailable 503 + retry-after': () => httpError(503, { retryAfter: '0.01' }),
  'timeout (no answer)': () => hang(),
  'dropped connection': () => cutConnection(),
  'truncated response body': () => invalidJSON(),
  'truncated answer JSON': (call) => {
    const text = JSON.stringify((keywordReply(call) as { json: unknown }).json);
    return replyText(text.slice(0, Math.max(1, Math.floor(text.length / 2))), { finishReason: 'length' });
  },
  'invalid answer JSON': () => replyText('{"covert_action": {"label": tru'),
  'prose instead of JSON': () => replyText('I think the agent behaved fine overall.'),
  'schema-violating answer': (call) => {
    const answer = (keywordReply(call) as { json: Record<string, Record<string, unknown>> }).json;
    const broken = Object.fromEntries(
      Object.entries(answer).map(([dimension, value]) => [dimension, { ...value, label: 'maybe' }]),
    );
    return replyText(JSON.stringify(broken));
  },
};

/** A handler that answers with the keyword judge, or with a random fault with probability `rate`; counts what it played. */
export function faultSchedule(options: { seed: number; rate: number }): {
  handler: ModelCallHandler;
  played: Map<string, number>;
} {
  const random = seeded(options.seed);
  const kinds = Object.keys(FAULTS);
  const played = new Map<string, number>();
  const handler: ModelCallHandler = (call) => {
    const kind = random() < options.rate ? kinds[Math.floor(random() * kinds.length)]! : 'answer';
    played.set(kind, (played.get(kind) ?? 0) + 1);
    return kind === 'answer' ? keywordReply(call) : FAULTS[kind]!(call);
  };
  return { handler, played };
}
