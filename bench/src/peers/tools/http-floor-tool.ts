import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Transcript } from '@judgekit/core';
import { createNodeHTTPFetch } from '@judgekit/providers';
import { startTestServer } from '@judgekit/providers/testing';
import OpenAI from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { benchAnswer } from '../bench-judge.js';
import type { ToolRunResult } from '../run-tool.js';
import { judgekitRunner } from './judgekit-tool.js';

/** The request bodies judgekit's `llm-judge.scheming` row sends for `transcripts`, byte for byte. */
async function judgekitBodies(transcripts: readonly Transcript[], concurrency: number): Promise<string[]> {
  const server = await startTestServer({ latencyMs: 0, handler: (call) => benchAnswer(call).step });
  const work = await mkdtemp(join(tmpdir(), 'judgekit-floor-'));
  try {
    const run = await judgekitRunner({
      variant: 'judgekit-scheming',
      transcripts,
      baseURL: server.openaiBaseURL,
      concurrency,
      cacheDir: join(work, 'cache'),
      runDir: join(work, 'run'),
    });
    await run();
    return server.modelCalls().map((call) => call.body);
  } finally {
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * The floor under judgekit's row: a bare `node:http` client (keep-alive, `concurrency` requests in
 * flight) posting exactly the request bodies `llm-judge.scheming` sends for these transcripts — the
 * bench server's work per call depends on the body — and reading nothing back but the status. No
 * prompt building, cache or verdicts: what is left of its "overhead" is the bench server's and the
 * machine's own (timer lateness, the server's work on the body, the two processes sharing the
 * cores, the socket round trip). The bodies are captured before the clock starts, by running
 * judgekit's row once against an in-process test server with no latency.
 */
export async function httpFloorRunner(options: {
  transcripts: readonly Transcript[];
  baseURL: string;
  concurrency: number;
}): Promise<() => Promise<ToolRunResult>> {
  const bodies = await judgekitBodies(options.transcripts, options.concurrency);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const url = new URL(`${options.baseURL.replace(/\/$/, '')}/chat/completions`);
  const post = (body: string) =>
    new Promise<{ status: number }>((resolve, reject) => {
      const outgoing = request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: 'Bearer sk-bench-local',
          },
        },
        (incoming) => {
          incoming.resume();
          incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0 }));
          incoming.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  return async () => {
    const errors = await sendAll(
      bodies,
      options.concurrency,
      async (body) => (await post(body)).status === 200,
    );
    agent.destroy();
    return { answers: bodies.length, errors, positives: {} };
  };
}

/**
 * Sends every item with `concurrency` in flight; returns how many failed (threw or answered false).
 * A bare loop, not core's `mapConcurrent`: a floor carries none of judgekit's machinery (in A/B
 * runs the floor read 1–1.5 ms higher on `mapConcurrent`, within a noisy machine's spread).
 */
async function sendAll<T>(
  items: readonly T[],
  concurrency: number,
  send: (item: T) => Promise<boolean>,
): Promise<number> {
  let next = 0;
  let errors = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      try {
        if (!(await send(item))) errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return errors;
}

/**
 * The floor under judgekit's row for any client built on the official OpenAI SDK, which judgekit
 * must use: the same request bodies (parsed before the clock) sent through
 * `client.chat.completions.create` with judgekit's `node:http` fetch and no retries, the answers
 * parsed by the SDK and then dropped. No prompts, cache or verdicts: what it adds to
 * `http-floor` is the SDK's own work per call (building, sending and parsing the request).
 */
export async function sdkFloorRunner(options: {
  transcripts: readonly Transcript[];
  baseURL: string;
  concurrency: number;
}): Promise<() => Promise<ToolRunResult>> {
  const bodies = (await judgekitBodies(options.transcripts, options.concurrency)).map(
    (body) => JSON.parse(body) as ChatCompletionCreateParamsNonStreaming,
  );
  const client = new OpenAI({
    apiKey: 'sk-bench-local',
    baseURL: options.baseURL,
    maxRetries: 0,
    fetch: createNodeHTTPFetch(),
  });
  return async () => {
    const errors = await sendAll(bodies, options.concurrency, async (body) => {
      const completion = await client.chat.completions.create(body);
      return completion.choices.length > 0;
    });
    return { answers: bodies.length, errors, positives: {} };
  };
}
