import { assertLevel, type Interval } from '../rates/interval.js';
import { normalQuantile } from '../special/normal-distribution.js';

/** Inputs of `predictionPoweredMean`. */
export interface PredictionPoweredMeanOptions {
  /** Gold values (0/1 for a proportion) of the labelled items. */
  labels: ArrayLike<number>;
  /** The grader's predictions (0/1 flags or scores) on the same labelled items, in the same order. */
  labelledPredictions: ArrayLike<number>;
  /** The grader's predictions on the unlabelled items of the same run. */
  unlabelledPredictions: ArrayLike<number>;
  /** Confidence level, default 0.95. */
  level?: number;
  /**
   * Power-tuning parameter λ: `'tuned'` (default) estimates the variance-minimizing λ̂ and clips it
   * to [0, 1]; a number fixes it (1 is the original PPI, 0 ignores the predictions).
   */
  lambda?: 'tuned' | number;
  /** Clamp the interval to [0, 1] (for proportions), default true. */
  clampToUnitInterval?: boolean;
}

/** Result of `predictionPoweredMean`. */
export interface PredictionPoweredMean {
  estimate: number;
  ci: Interval;
  standardError: number;
  /** The λ used. */
  lambda: number;
  /** The classical estimate from the labelled items alone, for comparison. */
  classicalEstimate: number;
  labelled: number;
  unlabelled: number;
}

/**
 * Prediction-powered inference for a mean or proportion with power tuning, PPI++ (Angelopoulos,
 * Duchi & Zrnic 2023, "PPI++: Efficient Prediction-Powered Inference", arXiv:2311.01453), for when
 * a random gold-labelled subset of the same run exists:
 * `θ̂ = λ · mean(f(X̃)) + mean(Y − λ f(X))` over N unlabelled and n labelled items, with
 * `λ̂ = Cov(Y, f) / ((1 + n/N) Var(f))` (variance minimizing, clipped to [0, 1]; Var(f) from all
 * predictions) and the Wald interval from `Var = λ² Var(f̃)/N + Var(Y − λ f)/n`. Valid whatever
 * the grader's quality; the better the grader, the narrower.
 */
export function predictionPoweredMean(options: PredictionPoweredMeanOptions): PredictionPoweredMean {
  const level = options.level ?? 0.95;
  assertLevel(level);
  const { labels, labelledPredictions, unlabelledPredictions } = options;
  const n = labels.length;
  const unlabelled = unlabelledPredictions.length;
  if (labelledPredictions.length !== n)
    throw new RangeError('predictionPoweredMean: one prediction per label');
  if (n < 2 || unlabelled < 2)
    throw new RangeError('predictionPoweredMean: needs at least 2 labelled and 2 unlabelled');
  const labelMean = mean(labels);
  const labelledPredictionMean = mean(labelledPredictions);
  const unlabelledPredictionMean = mean(unlabelledPredictions);
  let lambda: number;
  if (options.lambda === undefined || options.lambda === 'tuned') {
    let covariance = 0;
    for (let index = 0; index < n; index++) {
      covariance += (labels[index]! - labelMean) * (labelledPredictions[index]! - labelledPredictionMean);
    }
    covariance /= n - 1;
    const allMean = (labelledPredictionMean * n + unlabelledPredictionMean * unlabelled) / (n + unlabelled);
    let predictionVariance = 0;
    for (let index = 0; index < n; index++)
      predictionVariance += (labelledPredictions[index]! - allMean) ** 2;
    for (let index = 0; index < unlabelled; index++)
      predictionVariance += (unlabelledPredictions[index]! - allMean) ** 2;
    predictionVariance /= n + unlabelled - 1;
    lambda = predictionVariance > 0 ? covariance / ((1 + n / unlabelled) * predictionVariance) : 0;
    lambda = Math.min(1, Math.max(0, lambda));
  } else {
    lambda = options.lambda;
  }
  const residuals = Array.from(
    { length: n },
    (_, index) => labels[index]! - lambda * labelledPredictions[index]!,
  );
  const estimate = lambda * unlabelledPredictionMean + mean(residuals);
  const standardError = Math.sqrt(
    (lambda * lambda * variance(unlabelledPredictions)) / unlabelled + variance(residuals) / n,
  );
  const z = normalQuantile(0.5 + level / 2);
  const clampBound =
    (options.clampToUnitInterval ?? true)
      ? (value: number) => Math.min(1, Math.max(0, value))
      : (value: number) => value;
  return {
    estimate,
    ci: {
      lower: clampBound(estimate - z * standardError),
      upper: clampBound(estimate + z * standardError),
      level,
      method: 'ppi++',
    },
    standardError,
    lambda,
    classicalEstimate: labelMean,
    labelled: n,
    unlabelled,
  };
}

function mean(values: ArrayLike<number>): number {
  let total = 0;
  for (let index = 0; index < values.length; index++) total += values[index]!;
  return total / values.length;
}

function variance(values: ArrayLike<number>): number {
  const center = mean(values);
  let total = 0;
  for (let index = 0; index < values.length; index++) total += (values[index]! - center) ** 2;
  return total / (values.length - 1);
}
