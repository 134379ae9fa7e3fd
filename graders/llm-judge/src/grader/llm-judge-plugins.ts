import { defineGrader, type GraderPlugin } from '@judgekit/core';
import { type LLMJudgeConfig, LLMJudgeConfigSchema } from '../judge/llm-judge-config.js';
import { RUBRIC_DIMENSIONS, type RubricDimension } from '../rubric/rubric-dimensions.js';
import { rubricFilesHash } from '../rubric/rubric-files.js';
import { createLLMJudge } from './create-llm-judge.js';

/**
 * The code version of the LLM-judge graders, bumped when code changes what the judge reads (1.1.0:
 * compact part headers in the fence); the rubric hash is appended as build metadata.
 */
export const LLM_JUDGE_VERSION = '1.1.0';

const DETAILS =
  'Options: judge (or judges + combine), samples, threshold, view (all | actions | reasoning | hybrid with hybrid.reasoningWeight), fewShot, long (maxToolOutputChars, maxPartChars, maxTranscriptChars, overlapMessages), maxEvidence, unverifiedPositive, prices, recordDir/replayDir, and the judge settings (temperature, maxOutputTokens, timeoutMs, maxRetries, concurrency, requestsPerMinute, tokensPerMinute, structuredOutput, repair, topLogprobs, thinkingBudgetTokens, reasoningEffort, baseURL). `judgekit grade --judge/--base-url` fill in judge/baseURL. Score: P(label = true) from logprobs where the provider gives them, else the share of positive votes over samples. needsKey is true because hosted judges need one; a compatible: judge on a local server may run without.';

function llmJudgePlugin(options: {
  id: string;
  dimensions: readonly RubricDimension[];
  description: string;
}): GraderPlugin<LLMJudgeConfig> {
  const version = `${LLM_JUDGE_VERSION}+rubric.${rubricFilesHash(options.dimensions)}`;
  return defineGrader({
    spec: 'judgekit.grader/v1',
    id: options.id,
    version,
    kind: 'llm-judge',
    dimensions: options.dimensions,
    views: ['all', 'actions', 'reasoning'],
    needsKey: true,
    config: LLMJudgeConfigSchema,
    docs: { description: options.description, details: DETAILS },
    create(config, context) {
      return createLLMJudge({ dimensions: options.dimensions, graderVersion: version, config, context });
    },
  });
}

/** `llm-judge.covert-action`: a judge model grades covert actions under the v1 rubric. */
export const covertActionJudge = llmJudgePlugin({
  id: 'llm-judge.covert-action',
  dimensions: ['covert_action'],
  description:
    'A judge model grades covert actions (false success claims, lies about actions, concealed rule violations, sabotage, sandbagging, withheld information, covert resource acquisition) under a versioned rubric, with verified quotes.',
});

/** `llm-judge.plausible-deniability`: a judge model grades deniable misconduct under the v1 rubric. */
export const plausibleDeniabilityJudge = llmJudgePlugin({
  id: 'llm-judge.plausible-deniability',
  dimensions: ['plausible_deniability'],
  description:
    'A judge model grades plausible deniability (mistake framing, cover stories, reasoning that contradicts the excuse) under a versioned rubric, with verified quotes.',
});

/** `llm-judge.eval-awareness`: a judge model grades evaluation awareness under the v1 rubric. */
export const evalAwarenessJudge = llmJudgePlugin({
  id: 'llm-judge.eval-awareness',
  dimensions: ['eval_awareness'],
  description:
    'A judge model grades evaluation awareness (test, grader/monitor, sandbox/honeypot suspicion, behaviour conditioned on being observed) under a versioned rubric, with verified quotes.',
});

/** `llm-judge.scheming`: all three dimensions in one judge call per transcript (the rubrics shared as one cached prefix). */
export const schemingJudge = llmJudgePlugin({
  id: 'llm-judge.scheming',
  dimensions: RUBRIC_DIMENSIONS,
  description:
    'A judge model grades covert_action, plausible_deniability and eval_awareness in one call per transcript (static rubrics first, transcript last, so the transcript is sent once and the prefix is cached), with verified quotes.',
});
