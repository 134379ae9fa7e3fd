export { type AgreementIntervalOptions, agreementInterval } from './agreement/agreement-interval.js';
export { cohensKappa, type PairAgreement, pairwiseAgreement } from './agreement/cohens-kappa.js';
export { fleissKappa } from './agreement/fleiss-kappa.js';
export { gwetAc1 } from './agreement/gwet-ac1.js';
export { type KrippendorffLevel, krippendorffAlpha } from './agreement/krippendorff-alpha.js';
export { categoryShares, observedAgreement, percentAgreement } from './agreement/percent-agreement.js';
export {
  type CategoryCounts,
  categoryCounts,
  categoryKey,
  type NamedRatingMatrix,
  type RatingMatrix,
  type RatingValue,
  ratingMatrix,
} from './agreement/rating-matrix.js';
export { bootstrap } from './bootstrap/bootstrap.js';
export {
  type BootstrapIntervalOptions,
  type BootstrapIntervalResult,
  type BootstrapMethod,
  bootstrapInterval,
  jackknifeAcceleration,
} from './bootstrap/bootstrap-interval.js';
export type { BootstrapOptions, BootstrapResult } from './bootstrap/bootstrap-result.js';
export { type ClusterBootstrapOptions, clusterBootstrap } from './bootstrap/cluster-bootstrap.js';
export { type CountBootstrapOptions, countBootstrap } from './bootstrap/count-bootstrap.js';
export { type IndexBootstrapOptions, indexBootstrap } from './bootstrap/index-bootstrap.js';
export { quantile, sortedQuantile } from './bootstrap/quantile.js';
export {
  accuracyOf,
  type ConfusionCells,
  cohensKappaOf,
  f1Of,
  matthewsCorrelationOf,
  precisionOf,
  recallOf,
  specificityOf,
} from './classification/binary-metrics.js';
export {
  type ClassificationReport,
  type ClassificationReportOptions,
  classificationReport,
  type MetricEstimate,
} from './classification/classification-report.js';
export {
  type BinaryLabel,
  type ConfusionMatrix,
  confusionCells,
  confusionMatrix,
} from './classification/confusion-matrix.js';
export {
  averagePrecision,
  type PrecisionRecallCurve,
  precisionRecallCurve,
} from './classification/precision-recall-curve.js';
export {
  brierScore,
  expectedCalibrationError,
  type ReliabilityBin,
  reliabilityTable,
} from './classification/probability-calibration.js';
export { type RocCurve, rocAuc, rocCurve } from './classification/roc-curve.js';
export { type ScoreCounts, scoreCounts } from './classification/score-counts.js';
export {
  type FixedFalsePositiveRatePoint,
  thresholdAtFalsePositiveRate,
} from './classification/threshold-at-false-positive-rate.js';
export { type ThresholdPoint, thresholdForTarget, thresholdSweep } from './classification/threshold-sweep.js';
export { averageRanks, type RankResult } from './continuous/average-ranks.js';
export {
  type KolmogorovSmirnovOptions,
  type KolmogorovSmirnovResult,
  kolmogorovSmirnovTest,
} from './continuous/kolmogorov-smirnov-test.js';
export {
  type MannWhitneyUOptions,
  type MannWhitneyUResult,
  mannWhitneyUCounts,
  mannWhitneyUTest,
} from './continuous/mann-whitney-u-test.js';
export {
  type PermutationTestOptions,
  type PermutationTestResult,
  permutationTest,
  type TwoSampleStatistic,
} from './continuous/permutation-test.js';
export { cliffsDelta } from './effect-sizes/cliffs-delta.js';
export { cohensH } from './effect-sizes/cohens-h.js';
export type { EffectSize, ZeroCellCorrection } from './effect-sizes/effect-size.js';
export { oddsRatio } from './effect-sizes/odds-ratio.js';
export { riskDifference } from './effect-sizes/risk-difference.js';
export { riskRatio } from './effect-sizes/risk-ratio.js';
export { benjaminiHochbergAdjust } from './multiple-comparisons/benjamini-hochberg-adjust.js';
export { holmAdjust } from './multiple-comparisons/holm-adjust.js';
export {
  type PowerNote,
  powerNote,
  type TwoProportionDesign,
  twoProportionPower,
  twoProportionSampleSize,
} from './power/two-proportion-power.js';
export {
  type PredictionPoweredMean,
  type PredictionPoweredMeanOptions,
  predictionPoweredMean,
} from './prevalence/prediction-powered-mean.js';
export {
  type CorrectPrevalenceOptions,
  correctPrevalence,
  type PrevalenceCounts,
  type PrevalenceEstimate,
  type PrevalenceIntervalMethod,
} from './prevalence/rogan-gladen.js';
export type { RandomSource } from './random/random-source.js';
export {
  sampleBeta,
  sampleBinomial,
  sampleGamma,
  sampleMultinomial,
  sampleNormal,
} from './random/random-variates.js';
export { createXoshiro128, createXoshiro128FromState, toRandomSource } from './random/xoshiro128.js';
export {
  type ChiSquareIndependenceOptions,
  type ChiSquareIndependenceResult,
  chiSquareIndependenceTest,
} from './rates/chi-square-independence-test.js';
export { clopperPearsonInterval } from './rates/clopper-pearson-interval.js';
export { type ConditionalOddsRatioResult, conditionalOddsRatio } from './rates/conditional-odds-ratio.js';
export { type FisherExactResult, fisherExactTest, tableHypergeometric } from './rates/fisher-exact-test.js';
export type { Alternative, Interval } from './rates/interval.js';
export {
  type NewcombeIntervalOptions,
  newcombeInterval,
  type Proportion,
} from './rates/newcombe-interval.js';
export { normalPValue } from './rates/p-value.js';
export type { TwoByTwoTable } from './rates/two-by-two-table.js';
export { type TestResult, twoProportionZTest } from './rates/two-proportion-z-test.js';
export { type WilsonIntervalOptions, wilsonInterval } from './rates/wilson-interval.js';
export { binomialCdf, binomialLogPmf, binomialSurvival } from './special/binomial-distribution.js';
export { chiSquareCdf, chiSquareSurvival } from './special/chi-square-distribution.js';
export {
  type HypergeometricParameters,
  hypergeometricLogPmf,
  hypergeometricPmfs,
  hypergeometricSupport,
} from './special/hypergeometric-distribution.js';
export {
  inverseRegularizedBeta,
  regularizedBeta,
  regularizedBetaComplement,
} from './special/incomplete-beta.js';
export { regularizedGammaLower, regularizedGammaUpper } from './special/incomplete-gamma.js';
export { kolmogorovDistribution, smirnovSurvival } from './special/kolmogorov-distribution.js';
export { logBeta, logBinomialCoefficient, logGamma } from './special/log-gamma.js';
export { normalCdf, normalDensity, normalQuantile, normalSurvival } from './special/normal-distribution.js';
export { studentTCdf } from './special/student-t-distribution.js';
