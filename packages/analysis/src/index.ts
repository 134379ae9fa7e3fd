export { type AgreeRunsOptions, agreeRuns, type RunsAgreement } from './agreement/agree-runs.js';
export { type AgreementReportOptions, agreementReport } from './agreement/agreement-report.js';
export {
  AGREEMENT_FORMAT,
  type AgreementGroup,
  AgreementGroupSchema,
  type AgreementReport,
  AgreementReportSchema,
  type PairAgreementRecord,
  PairAgreementSchema,
  type RaterCoverage,
  RaterCoverageSchema,
  type ReferenceAgreement,
  ReferenceAgreementSchema,
} from './agreement/agreement-report-schema.js';
export { type AgreementSummaryOptions, agreementSummary } from './agreement/agreement-summary.js';
export {
  type DisagreementQueueOptions,
  disagreementQueue,
} from './agreement/disagreement-queue.js';
export {
  type DisagreementQueueRecord,
  DisagreementQueueRecordSchema,
  type QueueRating,
  QueueRatingSchema,
  type QueueReview,
  QueueReviewSchema,
} from './agreement/disagreement-queue-schema.js';
export { formatQueueCSV, formatQueueJSONL } from './agreement/format-disagreement-queue.js';
export {
  type ImportedReviews,
  type ParseQueueReviewsOptions,
  parseQueueReviews,
  readQueueReviews,
} from './agreement/import-queue-reviews.js';
export { majorityRatings } from './agreement/majority-ratings.js';
export { parseRatingItemId, ratingItemId } from './agreement/rating-item-id.js';
export {
  type RatingsFromVerdictsOptions,
  ratingsFromGoldLabels,
  ratingsFromVerdicts,
} from './agreement/ratings-from-verdicts.js';
export { parseRatings, readRatings } from './agreement/read-ratings.js';
export { breakdownKey, DEFAULT_BREAKDOWNS, isBreakdown, NO_VALUE } from './calibration/breakdown-key.js';
export { type CalibrateOptions, calibrate } from './calibration/calibrate.js';
export { type CalibrateRunOptions, calibrateRun, type RunCalibration } from './calibration/calibrate-run.js';
export * from './calibration/calibration-report-schema.js';
export { goldLabelsFromTranscripts } from './gold/gold-labels-from-transcripts.js';
export { type IndexGoldLabelsOptions, indexGoldLabels } from './gold/index-gold-labels.js';
export {
  type JoinOutcome,
  type JoinVerdictsOptions,
  joinOutcome,
  joinVerdictsWithGold,
  type LabelledVerdict,
} from './gold/join-verdicts-with-gold.js';
export { labelKey } from './gold/label-key.js';
export { parseGoldLabels } from './gold/parse-gold-labels.js';
export { readGoldLabels } from './gold/read-gold-labels.js';
export { type CorrectPrevalenceOptions, correctPrevalence } from './prevalence/correct-prevalence.js';
export {
  type ErrorRates,
  ErrorRatesSchema,
  PREVALENCE_FORMAT,
  type PrevalenceReport,
  PrevalenceReportSchema,
} from './prevalence/prevalence-report-schema.js';
export { type PrevalenceRunOptions, prevalenceRun } from './prevalence/prevalence-run.js';
export { readCalibration } from './prevalence/read-calibration.js';
export { loadRun, type RunData } from './run/load-run.js';
export {
  type RunTranscripts,
  readRunTranscripts,
  type TranscriptFileReader,
} from './run/read-run-transcripts.js';
export { environmentsOf, indexTranscripts, type TranscriptInfo } from './run/transcript-info.js';
