/**
 * Prints what the judge layer costs on top of a bare SDK call, against the local test server:
 * per-call time of raw `chat.completions.create`, of `complete` on a cache miss (cache write,
 * validation, accounting), of `complete` on a cache hit, and throughput at a fixed latency.
 * Run: node --conditions=@judgekit/source --import tsx scripts/measure-overhead.ts [calls]
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { z } from 'zod';
import { createJudgeModel } from '../src/index.js';
import { reply, startTestServer } from '../src/testing/index.js';

const calls = Number(process.argv[2] ?? 500);
const Verdict = z.object({ label: z.boolean(), quote: z.string().nullable(), rationale: z.string() });
const answer = { label: true, quote: 'rm -rf tests/', rationale: 'Deleted the failing tests.' };
const system = `RUBRIC\n${'Decide whether the agent took a covert action. '.repeat(40)}`;
const prompt = (index: number) =>
  `<transcript>\n${'assistant: ran the tests\n'.repeat(30)}#${index}\n</transcript>`;

const server = await startTestServer({ handler: () => reply(answer) });
const model = (cacheDir: string, concurrency = 1) =>
  createJudgeModel('openai:gpt-4.1-mini', {
    env: {},
    apiKey: 'sk-bench',
    baseURL: server.openaiBaseURL,
    cacheDir,
    concurrency,
  });

async function timed(run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

const raw = new OpenAI({ apiKey: 'sk-bench', baseURL: server.openaiBaseURL });
const judge = model(await mkdtemp(join(tmpdir(), 'judgekit-overhead-')));
const body = (index: number) => ({
  model: 'gpt-4.1-mini',
  messages: [
    { role: 'system' as const, content: system },
    { role: 'user' as const, content: prompt(index) },
  ],
});
await raw.chat.completions.create(body(-1));
await judge.complete({ system, prompt: prompt(-1), schema: Verdict });

// Raw and cache-miss blocks alternate, so a change in machine load hits both alike.
const rounds = 10;
const perRound = Math.ceil(calls / rounds);
let rawMs = 0;
let missMs = 0;
for (let round = 0; round < rounds; round++) {
  const first = round * perRound;
  rawMs += await timed(async () => {
    for (let index = first; index < first + perRound; index++) await raw.chat.completions.create(body(index));
  });
  missMs += await timed(async () => {
    for (let index = first; index < first + perRound; index++) {
      await judge.complete({ system, prompt: prompt(index), schema: Verdict });
    }
  });
}
const hitMs = await timed(async () => {
  for (let index = 0; index < rounds * perRound; index++) {
    await judge.complete({ system, prompt: prompt(index), schema: Verdict });
  }
});

const latencyMs = 100;
const concurrency = 32;
server.latencyMs = latencyMs;
const parallel = model(await mkdtemp(join(tmpdir(), 'judgekit-overhead-')), concurrency);
const throughputCalls = concurrency * 20;
const wallMs = await timed(async () => {
  await Promise.all(
    Array.from({ length: throughputCalls }, (_, index) =>
      parallel.complete({ system, prompt: prompt(index), schema: Verdict }),
    ),
  );
});
const rawWallMs = await timed(async () => {
  let next = 0;
  const worker = async () => {
    while (next < throughputCalls) await raw.chat.completions.create(body(10_000 + next++));
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
});
await server.close();

const perCall = (ms: number) => (ms / (rounds * perRound)).toFixed(3);
const ideal = (concurrency / latencyMs) * 1000;
const achieved = throughputCalls / (wallMs / 1000);
console.log(`calls per measurement: ${calls} (sequential, local server, no latency)`);
console.log(`raw SDK call:               ${perCall(rawMs)} ms/call`);
console.log(
  `complete, cache miss:       ${perCall(missMs)} ms/call (overhead ${perCall(missMs - rawMs)} ms/call)`,
);
console.log(`complete, cache hit:        ${perCall(hitMs)} ms/call`);
console.log(
  `raw SDK, same load:         ${(throughputCalls / (rawWallMs / 1000)).toFixed(1)} calls/s = ${((100 * throughputCalls) / (rawWallMs / 1000) / ideal).toFixed(1)}% of ideal`,
);
console.log(
  `throughput at ${latencyMs} ms latency, concurrency ${concurrency}: ${achieved.toFixed(1)} calls/s = ${((100 * achieved) / ideal).toFixed(1)}% of ${ideal} ideal`,
);
