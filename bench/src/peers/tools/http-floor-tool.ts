import { Agent, request } from 'node:http';
import { DIMENSIONS, promptfooRubric } from '../peer-rubrics.js';
import type { ToolRunResult } from '../run-tool.js';

/**
 * The floor under every tool: a bare `node:http` client (keep-alive, `concurrency` requests in
 * flight) posting one chat-completion body per transcript — the promptfoo rubric of the first
 * dimension and the plain transcript — and reading each answer's `pass`. No prompt building, cache
 * or verdicts: what is left of its "overhead" is the bench server's and the machine's own (timer
 * lateness, the two processes sharing the cores, the socket round trip).
 */
export async function httpFloorRunner(options: {
  texts: readonly string[];
  baseURL: string;
  concurrency: number;
}): Promise<() => Promise<ToolRunResult>> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const url = new URL(`${options.baseURL.replace(/\/$/, '')}/chat/completions`);
  const dimension = DIMENSIONS[0]!;
  const bodies = options.texts.map((text) =>
    JSON.stringify({
      model: 'judge-local',
      messages: [
        { role: 'system', content: promptfooRubric(dimension) },
        { role: 'user', content: text },
      ],
    }),
  );
  const post = (body: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
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
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () =>
            resolve({ status: incoming.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
          );
          incoming.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  return async () => {
    let next = 0;
    let errors = 0;
    let positives = 0;
    const worker = async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        try {
          const { status, text } = await post(body);
          const content = JSON.parse(text).choices?.[0]?.message?.content;
          if (status !== 200 || typeof content !== 'string') errors++;
          else if (JSON.parse(content).pass === false) positives++;
        } catch {
          errors++;
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    agent.destroy();
    return { answers: bodies.length, errors, positives: { [dimension]: positives } };
  };
}
