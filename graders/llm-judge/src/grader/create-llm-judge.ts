import { setMaxListeners } from 'node:events';
import {
  type GraderCreateContext,
  hasReasoning,
  type TranscriptGrader,
  toErrorInfo,
  type Usage,
  type VerdictDraft,
} from '@judgekit/core';
import { createJudges, type JudgeModelFactory } from '../judge/create-judges.js';
import type { LLMJudgeConfig } from '../judge/llm-judge-config.js';
import { buildSystemPrompt } from '../prompt/system-prompt.js';
import type { RubricDimension } from '../rubric/rubric-dimensions.js';
import { judgeAnswerSchema } from '../rubric/verdict-output-schema.js';
import { dimensionVerdict } from '../verdict/dimension-verdict.js';
import { runProvenance } from '../verdict/run-provenance.js';
import { NO_USAGE, sumUsage } from '../verdict/sum-usage.js';
import { failedCallUsage, planPasses, runJudges } from './judge-run.js';

/** Output tokens a judge may write per dimension asked, unless `maxOutputTokens` is set. */
const OUTPUT_TOKENS_PER_DIMENSION = 768;

/**
 * The behaviour of every `llm-judge.*` plugin: one judge call (per judge, sample, chunk and view)
 * answers all of `dimensions` at once, with the static rubric first and the fenced transcript last.
 */
export function createLLMJudge(options: {
  dimensions: readonly RubricDimension[];
  graderVersion: string;
  config: LLMJudgeConfig;
  context: GraderCreateContext;
  /** How judge models are made; default `createJudgeModel` (a batch run passes its collecting judges). */
  createModel?: JudgeModelFactory;
}): TranscriptGrader {
  const { dimensions, graderVersion, config, context } = options;
  const system = buildSystemPrompt(dimensions, config.fewShot);
  const schema = judgeAnswerSchema(dimensions);
  const judges = createJudges(
    config,
    context,
    { maxOutputTokens: OUTPUT_TOKENS_PER_DIMENSION * dimensions.length },
    options.createModel,
  );
  return {
    type: 'transcript',
    async grade(transcript, { signal }) {
      const withReasoning = hasReasoning(transcript);
      const notes: string[] = [];
      if (config.view === 'hybrid' && !withReasoning)
        notes.push('hybrid: the transcript has no reasoning, so the actions score is used alone');
      if (config.view === 'reasoning' && !withReasoning)
        notes.push('view reasoning: the transcript has no reasoning; the judge saw the task messages only');
      const passes = planPasses(transcript, config, withReasoning);
      // one signal per transcript: the SDKs add a listener per call, which must not pile up on the run's signal
      const callSignal = AbortSignal.any([signal]);
      const calls =
        passes.reduce((sum, pass) => sum + pass.prompts.length, 0) * judges.length * config.samples;
      setMaxListeners(calls + 10, callSignal);
      const run = await runJudges({
        passes,
        judges,
        system,
        schema,
        dimensions,
        samples: config.samples,
        signal: callSignal,
      });
      if (signal.aborted) throw signal.reason ?? new Error('aborted');
      const usage = sumUsage(
        run.results.flatMap((result) => {
          const spent = result.response?.usage ?? failedCallUsage(result.error);
          return spent ? [spent] : [];
        }),
      );
      const provenance = runProvenance({ run, config, judges, system, graderVersion, extraNotes: notes });
      const failed = run.results.filter((result) => result.error !== undefined);
      const usageOn = (index: number): { usage: Usage; provenance: Record<string, unknown> } =>
        index === 0
          ? { usage, provenance: {} }
          : { usage: NO_USAGE, provenance: { usageRecordedOn: dimensions[0] } };
      if (failed.length > 0) {
        const error = toErrorInfo(failed[0]!.error);
        return dimensions.map((dimension, index): VerdictDraft => {
          const share = usageOn(index);
          return {
            dimension,
            label: null,
            evidence: [],
            view: config.view === 'hybrid' ? 'all' : config.view,
            usage: share.usage,
            error,
            provenance: {
              ...provenance,
              ...share.provenance,
              failedCalls: failed.length,
              errors: failed.slice(0, 5).map((result) => toErrorInfo(result.error)),
            },
          };
        });
      }
      return dimensions.map((dimension, index) => {
        const share = usageOn(index);
        const verdict = dimensionVerdict({
          transcript,
          run,
          dimension,
          config,
          judgeCount: judges.length,
          provenance: { ...provenance, ...share.provenance },
        });
        return { ...verdict, usage: share.usage };
      });
    },
  };
}
