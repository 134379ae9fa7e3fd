import type { Transcript, View } from '@judgekit/core';
import { JudgeOutputError, type JudgeResponse } from '@judgekit/providers';
import type { z } from 'zod';
import type { JudgeHandle } from '../judge/create-judges.js';
import type { LLMJudgeConfig } from '../judge/llm-judge-config.js';
import type { Cut } from '../long-transcript/middle-truncate.js';
import { type Chunk, planChunks } from '../long-transcript/plan-chunks.js';
import { buildJudgePrompt, type JudgePrompt } from '../prompt/judge-prompt.js';
import { renderTranscript } from '../prompt/render-transcript.js';
import type { SystemPrompt } from '../prompt/system-prompt.js';
import type { RubricDimension } from '../rubric/rubric-dimensions.js';
import type { JudgeAnswer } from '../rubric/verdict-output-schema.js';

/** One pass over a transcript under one view: its prompts (one per chunk). */
export interface JudgePass {
  view: View;
  chunks: Chunk[];
  prompts: JudgePrompt[];
  cuts: Cut[];
}

/** One call of a run: which pass, chunk, judge and sample, and what came back. */
export interface JudgeCallResult {
  pass: number;
  chunk: number;
  judge: number;
  sample: number;
  response?: JudgeResponse<JudgeAnswer>;
  error?: unknown;
}

/** Everything a grader asked and was answered for one transcript. */
export interface JudgeRun {
  passes: JudgePass[];
  results: JudgeCallResult[];
}

/**
 * The passes of a transcript: one under the configured view, or for `hybrid` one under `reasoning`
 * and one under `actions` (only `actions` when the transcript holds no reasoning).
 */
export function planPasses(
  transcript: Transcript,
  config: LLMJudgeConfig,
  withReasoning: boolean,
): JudgePass[] {
  const views: View[] =
    config.view === 'hybrid' ? (withReasoning ? ['reasoning', 'actions'] : ['actions']) : [config.view];
  return views.map((view) => {
    const rendered = renderTranscript(transcript, view, config.long);
    const chunks = planChunks(rendered.messages, {
      maxTranscriptChars: config.long.maxTranscriptChars,
      overlapMessages: config.long.overlapMessages,
    });
    const prompts = chunks.map((chunk, index) =>
      buildJudgePrompt(chunk, view, { index, count: chunks.length }),
    );
    return { view, chunks, prompts, cuts: rendered.cuts };
  });
}

/**
 * Asks every judge every sample of every chunk of every pass, all at once (each judge model bounds
 * its own concurrency). A failed call is kept as its error: the caller decides, nothing is guessed.
 */
export async function runJudges(options: {
  passes: JudgePass[];
  judges: readonly JudgeHandle[];
  system: SystemPrompt;
  schema: z.ZodType<JudgeAnswer>;
  dimensions: readonly RubricDimension[];
  samples: number;
  signal: AbortSignal;
}): Promise<JudgeRun> {
  const { passes, judges, system, schema, dimensions, samples, signal } = options;
  const labels = dimensions.map((dimension) => ({ path: [dimension, 'label'] }));
  const calls: Promise<JudgeCallResult>[] = [];
  passes.forEach((pass, passIndex) => {
    pass.prompts.forEach((prompt, chunkIndex) => {
      judges.forEach((judge, judgeIndex) => {
        for (let sample = 0; sample < samples; sample++) {
          const at = { pass: passIndex, chunk: chunkIndex, judge: judgeIndex, sample };
          calls.push(
            judge.model
              .complete({
                system: system.text,
                prompt: prompt.text,
                schema,
                schemaName: 'judge_verdict',
                ...(judge.model.supportsLogprobs ? { labels } : {}),
                sample,
                signal,
              })
              .then(
                (response) => ({ ...at, response }),
                (error: unknown) => ({ ...at, error }),
              ),
          );
        }
      });
    });
  });
  return { passes, results: await Promise.all(calls) };
}

/** What a failed call still spent (an answer that failed validation was paid for). */
export function failedCallUsage(error: unknown) {
  return JudgeOutputError.isInstance(error) ? error.usage : undefined;
}
