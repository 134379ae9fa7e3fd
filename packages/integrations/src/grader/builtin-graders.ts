import type { AnyGraderPlugin } from '@judgekit/core';
import { plugins as llmJudgePlugins } from '@judgekit/grader-llm-judge';
import { plugins as rulePlugins } from '@judgekit/grader-rules';

/** The ids of the per-transcript graders that ship with judgekit. */
export const BUILTIN_GRADER_IDS = [
  'rules.covert-action',
  'rules.eval-awareness',
  'rules.plausible-deniability',
  'llm-judge.covert-action',
  'llm-judge.plausible-deniability',
  'llm-judge.eval-awareness',
  'llm-judge.scheming',
] as const;

/** A built-in grader id; other strings name third-party graders (`(string & {})` keeps autocompletion). */
export type BuiltinGraderId = (typeof BUILTIN_GRADER_IDS)[number];

/** The per-transcript graders that ship with judgekit: the rule graders (no key) and the LLM judges. */
export const BUILTIN_GRADER_PLUGINS: readonly AnyGraderPlugin[] = [...rulePlugins, ...llmJudgePlugins];
