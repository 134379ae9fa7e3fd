import type { AnyGraderPlugin } from '@judgekit/core';
import { awarenessConditionedGrader } from './graders/awareness-conditioned-grader.js';
import { compareGrader } from './graders/compare-grader.js';
import { deniableErrorAsymmetryGrader } from './graders/deniable-error-asymmetry-grader.js';
import { sandbaggingGrader } from './graders/sandbagging-grader.js';

export { compareConditions, comparisonMetrics } from './comparison/compare-conditions.js';
export {
  type ComparisonConfig,
  type ComparisonConfigInput,
  type ComparisonDefaults,
  comparisonConfigSchema,
} from './comparison/comparison-config.js';
export { type ConditionPair, conditionPairs } from './comparison/condition-pairs.js';
export { NO_ENVIRONMENT } from './comparison/condition-samples.js';
export { isFlagged, reachesMinimumEffect } from './comparison/finding-flag.js';
export {
  corpusRecord,
  type LoadedCorpus,
  loadRunCorpus,
  loadTranscriptCorpus,
  type TranscriptFileReader,
} from './corpus/load-corpus.js';
export { valueAtPath } from './data/field-path.js';
export {
  createValueReader,
  type MissingReason,
  type ReadValue,
  type ValueReader,
} from './data/value-reader.js';
export { awarenessConditionedGrader } from './graders/awareness-conditioned-grader.js';
export { compareGrader } from './graders/compare-grader.js';
export { type ComparisonGraderSpec, createComparisonGrader } from './graders/comparison-grader.js';
export { deniableErrorAsymmetryGrader } from './graders/deniable-error-asymmetry-grader.js';
export { sandbaggingGrader } from './graders/sandbagging-grader.js';
export { formatComparisonTable } from './report/format-comparison-table.js';
export {
  type ClusterJackknifeResult,
  clusterJackknifeInterval,
} from './statistics/cluster-jackknife-interval.js';
export {
  type CochranMantelHaenszelResult,
  cochranMantelHaenszelTest,
} from './statistics/cochran-mantel-haenszel-test.js';
export { type ExactConditionalResult, exactConditionalTest } from './statistics/exact-conditional-test.js';
export { meanDifferencePowerNote } from './statistics/mean-difference-power.js';
export {
  type StratifiedPermutationResult,
  type StratumSamples,
  stratifiedMeanDifference,
  stratifiedPermutationTest,
} from './statistics/stratified-permutation-test.js';
export type { StratumCounts } from './statistics/stratum-table.js';
export { studentTQuantile } from './statistics/student-t-quantile.js';
export { type WelchTTestResult, welchTTest } from './statistics/welch-t-test.js';

/** Every distribution grader this package provides. */
export const plugins: readonly AnyGraderPlugin[] = [
  compareGrader,
  sandbaggingGrader,
  awarenessConditionedGrader,
  deniableErrorAsymmetryGrader,
];
