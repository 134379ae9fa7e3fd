/**
 * Measures the judge's input tokens per transcript for one multi-dimension call (`llm-judge.scheming`)
 * against three single-dimension calls, on the fixture corpus, through the local test server (the real
 * OpenAI SDK, the exact request bodies). Token counts are o200k_base (GPT-4o/4.1 family) counts of
 * each request's system text + user text + JSON schema, plus the server's own estimate (body bytes / 4).
 *
 *   pnpm --filter @judgekit/grader-llm-judge measure-tokens [--limit N] [--json]
 */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AnyGraderPlugin, gradeMany } from '@judgekit/core';
import { loadFixtureCorpus } from '@judgekit/fixtures';
import { startTestServer } from '@judgekit/providers/testing';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { planPasses } from '../src/grader/judge-run.js';
import {
  covertActionJudge,
  evalAwarenessJudge,
  LLMJudgeConfigSchema,
  plausibleDeniabilityJudge,
  schemingJudge,
} from '../src/index.js';
import { keywordReply, requestTexts } from '../src/testing/index.js';

const limitFlag = process.argv.indexOf('--limit');
const limit = limitFlag > 0 ? Number(process.argv[limitFlag + 1]) : Number.POSITIVE_INFINITY;
const corpus = loadFixtureCorpus().slice(0, limit);
const server = await startTestServer({ handler: (call) => keywordReply(call) });

interface CallTokens {
  transcriptId: string;
  system: number;
  prompt: number;
  schema: number;
  serverEstimate: number;
}

const tokenMemo = new Map<string, number>();
function tokens(text: string): number {
  let count = tokenMemo.get(text);
  if (count === undefined) {
    count = encode(text).length;
    tokenMemo.set(text, count);
  }
  return count;
}

async function measure(
  plugins: readonly AnyGraderPlugin[],
  fewShot: boolean,
): Promise<Map<string, CallTokens[]>> {
  const perTranscript = new Map<string, CallTokens[]>();
  for (const plugin of plugins) {
    server.reset();
    server.handle((call) => keywordReply(call));
    const options = { judge: 'openai:measure', baseURL: server.openaiBaseURL, fewShot };
    const context = {
      env: { OPENAI_API_KEY: 'sk-local' },
      cwd: process.cwd(),
      cacheDir: mkdtempSync(join(tmpdir(), 'judgekit-measure-')),
    };
    for await (const verdict of gradeMany(corpus, plugin, { options, context, concurrency: 8 })) {
      if (verdict.error) throw new Error(`${verdict.transcriptId}: ${verdict.error.message}`);
    }
    for (const request of server.modelCalls()) {
      const body = JSON.parse(request.body) as Record<string, unknown>;
      const { system, prompt } = requestTexts(body);
      const transcriptId = corpusIdOf(prompt);
      const schema = JSON.stringify((body.response_format as { json_schema: unknown }).json_schema);
      const entry = {
        transcriptId,
        system: tokens(system),
        prompt: tokens(prompt),
        schema: tokens(schema),
        serverEstimate: Math.ceil(request.body.length / 4),
      };
      perTranscript.set(transcriptId, [...(perTranscript.get(transcriptId) ?? []), entry]);
    }
  }
  return perTranscript;
}

/** Which transcript a prompt fences: the fence id is derived from the transcript's visible content. */
const byFence = new Map<string, string>();
for (const transcript of corpus) {
  const options = LLMJudgeConfigSchema.parse({ judge: 'openai:measure' });
  const [pass] = planPasses(transcript, options, true);
  byFence.set(pass!.prompts[0]!.fenceId, transcript.id);
}
function corpusIdOf(prompt: string): string {
  const id = /^FENCE-ID: ([0-9a-f]+)$/m.exec(prompt)?.[1];
  const transcriptId = id && byFence.get(id);
  if (!transcriptId) throw new Error('prompt of an unknown transcript');
  return transcriptId;
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return { mean, median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted.at(-1)! };
}

const rows: Record<string, unknown>[] = [];
for (const fewShot of [true, false]) {
  const combined = await measure([schemingJudge], fewShot);
  const single = await measure([covertActionJudge, plausibleDeniabilityJudge, evalAwarenessJudge], fewShot);
  const total = (calls: CallTokens[]) =>
    calls.reduce((sum, call) => sum + call.system + call.prompt + call.schema, 0);
  const cacheable = (calls: CallTokens[]) => calls.reduce((sum, call) => sum + call.system, 0);
  const estimate = (calls: CallTokens[]) => calls.reduce((sum, call) => sum + call.serverEstimate, 0);
  const ids = [...combined.keys()];
  const combinedTotals = ids.map((id) => total(combined.get(id)!));
  const singleTotals = ids.map((id) => total(single.get(id)!));
  const ratios = ids.map((_id, index) => combinedTotals[index]! / singleTotals[index]!);
  rows.push({
    fewShot,
    transcripts: ids.length,
    callsCombined: ids.reduce((sum, id) => sum + combined.get(id)!.length, 0),
    callsSingle: ids.reduce((sum, id) => sum + single.get(id)!.length, 0),
    combined: stats(combinedTotals),
    single: stats(singleTotals),
    ratio: stats(ratios),
    promptTokens: stats(ids.map((id) => combined.get(id)![0]!.prompt)),
    staticPrefixCombined: combined.get(ids[0]!)![0]!.system,
    staticPrefixSingle: single.get(ids[0]!)!.map((call) => call.system),
    cacheableShareCombined: stats(ids.map((id) => cacheable(combined.get(id)!) / total(combined.get(id)!))),
    serverEstimateCombined: stats(ids.map((id) => estimate(combined.get(id)!))),
    serverEstimateSingle: stats(ids.map((id) => estimate(single.get(id)!))),
  });
}
await server.close();

if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
else {
  const round = (value: number) => Math.round(value);
  console.log(
    `input tokens per transcript (o200k_base: system + user text + JSON schema), ${rows[0]!.transcripts} fixture transcripts`,
  );
  console.log(
    '| few-shot | one call, 3 dimensions (mean / median) | three calls (mean / median) | ratio (mean, min–max) | transcript + frame: the user prompt (mean) | server estimate, one vs three (mean) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const row of rows as {
    fewShot: boolean;
    combined: ReturnType<typeof stats>;
    single: ReturnType<typeof stats>;
    ratio: ReturnType<typeof stats>;
    promptTokens: ReturnType<typeof stats>;
    serverEstimateCombined: ReturnType<typeof stats>;
    serverEstimateSingle: ReturnType<typeof stats>;
  }[]) {
    console.log(
      `| ${row.fewShot ? 'on (default)' : 'off'} | ${round(row.combined.mean)} / ${round(row.combined.median)} | ${round(row.single.mean)} / ${round(row.single.median)} | ${row.ratio.mean.toFixed(3)} (${row.ratio.min.toFixed(3)}–${row.ratio.max.toFixed(3)}) | ${round(row.promptTokens.mean)} | ${round(row.serverEstimateCombined.mean)} vs ${round(row.serverEstimateSingle.mean)} |`,
    );
  }
  for (const row of rows as {
    fewShot: boolean;
    staticPrefixCombined: number;
    staticPrefixSingle: number[];
    cacheableShareCombined: ReturnType<typeof stats>;
  }[]) {
    console.log(
      `few-shot ${row.fewShot ? 'on' : 'off'}: static prefix ${row.staticPrefixCombined} tokens (one call) vs ${row.staticPrefixSingle.join(' + ')} (three calls); cacheable share of the one call ${(100 * row.cacheableShareCombined.mean).toFixed(1)}%`,
    );
  }
}
