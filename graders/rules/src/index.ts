import type { AnyGraderPlugin } from '@judgekit/core';
import { covertActionGrader } from './covert-action/covert-action-grader.js';
import { evalAwarenessGrader } from './eval-awareness/eval-awareness-grader.js';
import { plausibleDeniabilityGrader } from './plausible-deniability/plausible-deniability-grader.js';

export {
  COVERT_ACTION_THRESHOLD,
  type CovertActionConfig,
  CovertActionConfigSchema,
  covertActionGrader,
} from './covert-action/covert-action-grader.js';
export { RuleDataError } from './errors/rule-data-error.js';
export { EVAL_AWARENESS_THRESHOLD } from './eval-awareness/compile-lexicon.js';
export {
  type EvalAwarenessConfig,
  EvalAwarenessConfigSchema,
  evalAwarenessGrader,
} from './eval-awareness/eval-awareness-grader.js';
export {
  type Cue,
  type CueFamily,
  CueFamilySchema,
  type Lexicon,
  type LexiconInput,
  LexiconSchema,
} from './eval-awareness/lexicon-schema.js';
export {
  DEFAULT_LEXICON_PATH,
  defaultEvalAwarenessLexicon,
  loadLexicon,
  mergeLexicons,
} from './eval-awareness/load-lexicon.js';
export { loadRulePack, mergeRulePacks } from './pack/load-rule-pack.js';
export { DEFAULT_RULE_PACK_PATH, defaultRulePack } from './pack/resolve-rule-pack.js';
export {
  type CallMatch,
  CallMatchSchema,
  type Policy,
  PolicySchema,
  type Rule,
  type RulePack,
  type RulePackInput,
  RulePackSchema,
  RuleSchema,
} from './pack/rule-pack-schema.js';
export {
  PLAUSIBLE_DENIABILITY_THRESHOLD,
  type PlausibleDeniabilityConfig,
  PlausibleDeniabilityConfigSchema,
  plausibleDeniabilityGrader,
} from './plausible-deniability/plausible-deniability-grader.js';

/** Every rule-based grader this package provides. */
export const plugins: readonly AnyGraderPlugin[] = [
  covertActionGrader,
  evalAwarenessGrader,
  plausibleDeniabilityGrader,
];
