import type { RecordedRequest } from '@judgekit/providers/testing';
import { bodyKey, type ToolKind } from './bench-judge.js';

/** What the server saw of one run, counted the same way for every tool. */
export interface ServerStats {
  /** Model calls received. */
  calls: number;
  /** Model calls by the tool that sent them. */
  byTool: Partial<Record<ToolKind, number>>;
  /** Request body bytes (UTF-8). */
  requestBytes: number;
  /** Answer text bytes (UTF-8): the JSON the model wrote, or the tool-call arguments. */
  answerBytes: number;
  /** Tokenizer-free estimate: ceil(request body bytes / 4), summed per call. */
  inputTokensBytesOver4: number;
  /** Tokenizer-free estimate: ceil(answer bytes / 4), summed per call. */
  outputTokensBytesOver4: number;
  /** The usage the server reported in its responses (body characters / 4 in, answer characters / 4 out). */
  reportedInputTokens: number;
  reportedOutputTokens: number;
  /**
   * Modelled, not measured by a provider: input tokens left uncached if the provider cached shared
   * prompt prefixes the way OpenAI documents it (a prefix of at least 1,024 tokens, in 128-token
   * steps). The shared prefix of a request is its longest run of leading body bytes in common with
   * one of the 16 requests before it; tokens are bytes / 4.
   */
  uncachedInputTokensModelled: number;
  /** Distinct request bodies, and calls whose exact body had been sent before. */
  distinctBodies: number;
  repeatedBodies: number;
  /** The most model calls in flight at once. */
  maxConcurrent: number;
  /** First and last request time (ms since epoch), for the server-side span. */
  firstAt: number;
  lastAt: number;
}

/** Sums a run's model calls at the server. `answers` maps a request body key to the answer text sent. */
export function summarizeCalls(
  calls: readonly RecordedRequest[],
  answers: ReadonlyMap<string, { tool: ToolKind; text: string }>,
  maxConcurrent: number,
): ServerStats {
  const stats: ServerStats = {
    calls: calls.length,
    byTool: {},
    requestBytes: 0,
    answerBytes: 0,
    inputTokensBytesOver4: 0,
    outputTokensBytesOver4: 0,
    reportedInputTokens: 0,
    reportedOutputTokens: 0,
    uncachedInputTokensModelled: 0,
    distinctBodies: 0,
    repeatedBodies: 0,
    maxConcurrent,
    firstAt: calls[0]?.receivedAt ?? 0,
    lastAt: calls.at(-1)?.receivedAt ?? 0,
  };
  const seen = new Set<string>();
  const recent: Buffer[] = [];
  for (const request of calls) {
    const key = bodyKey(JSON.parse(request.body));
    const answer = answers.get(key);
    if (seen.has(key)) stats.repeatedBodies++;
    seen.add(key);
    const bytes = Buffer.byteLength(request.body);
    const answerText = answer?.text ?? '';
    const answerBytes = Buffer.byteLength(answerText);
    stats.requestBytes += bytes;
    stats.answerBytes += answerBytes;
    stats.inputTokensBytesOver4 += Math.ceil(bytes / 4);
    stats.outputTokensBytesOver4 += Math.ceil(answerBytes / 4);
    // the test server's own usage rule (answer-parts.ts): characters / 4, rounded up, at least 1 out
    stats.reportedInputTokens += Math.ceil(request.body.length / 4);
    stats.reportedOutputTokens += Math.max(1, Math.ceil(answerText.length / 4));
    if (answer) stats.byTool[answer.tool] = (stats.byTool[answer.tool] ?? 0) + 1;
    const body = Buffer.from(request.body);
    const shared = Math.max(0, ...recent.map((previous) => commonPrefixBytes(previous, body)));
    const sharedTokens = Math.floor(shared / 4);
    const cached = sharedTokens >= 1024 ? Math.floor(sharedTokens / 128) * 128 : 0;
    stats.uncachedInputTokensModelled += Math.ceil(bytes / 4) - cached;
    recent.push(body);
    if (recent.length > 16) recent.shift();
  }
  stats.distinctBodies = seen.size;
  return stats;
}

function commonPrefixBytes(a: Buffer, b: Buffer): number {
  const length = Math.min(a.length, b.length);
  let index = 0;
  while (index < length && a[index] === b[index]) index++;
  return index;
}
