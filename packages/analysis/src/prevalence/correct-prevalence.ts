import type { GoldLabel, GraderRef, Verdict } from '@judgekit/core';
import {
  type PrevalenceIntervalMethod,
  predictionPoweredMean,
  correctPrevalence as roganGladen,
  wilsonInterval,
} from '@judgekit/stats';
import type { GraderCalibration } from '../calibration/calibration-report-schema.js';
import { toEstimate } from '../calibration/estimate.js';
import { labelKey } from '../gold/label-key.js';
import { type ErrorRates, PREVALENCE_FORMAT, type PrevalenceReport } from './prevalence-report-schema.js';

/** Options of `correctPrevalence`. */
export interface CorrectPrevalenceOptions {
  /** The run's verdicts (those of other graders and dimensions are ignored). */
  verdicts: readonly Verdict[];
  /** The configured grader name whose flags are corrected. */
  grader: string;
  dimension: string;
  /** The grader's calibration on gold (its confusion matrix gives Se and Sp). */
  calibration?: GraderCalibration;
  /** Where the calibration came from, for the report. */
  calibrationSource?: string;
  /** Gold labels of part of this same run: enables PPI++ and the gold rate. */
  gold?: readonly GoldLabel[];
  /** Confidence level, default 0.95. */
  level?: number;
  /** Rogan-Gladen interval: `lang-reiczigel` (default), `delta` or `bootstrap`. */
  method?: PrevalenceIntervalMethod;
  /** Seed of the `bootstrap` method. */
  seed?: number;
  /** Run directory, recorded in the report. */
  runDir?: string;
}

function errorRates(calibration: GraderCalibration, source: string, level: number): ErrorRates {
  const {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
  } = calibration.confusion;
  const rate = (successes: number, trials: number) =>
    trials === 0
      ? { value: null, ci: null }
      : toEstimate(successes / trials, wilsonInterval(successes, trials, { level }));
  const sensitivity = rate(tp, tp + fn);
  const specificity = rate(tn, tn + fp);
  return {
    source,
    grader: calibration.grader,
    truePositives: tp,
    goldPositives: tp + fn,
    trueNegatives: tn,
    goldNegatives: tn + fp,
    sensitivity,
    specificity,
    youden: (sensitivity.value ?? Number.NaN) + (specificity.value ?? Number.NaN) - 1,
  };
}

/**
 * The prevalence of a behaviour in a run from one grader's flags: the naive flag rate beside the
 * Rogan-Gladen estimate corrected for the grader's sensitivity and specificity on gold (with an
 * interval that carries their uncertainty), and PPI++ when part of the same run is gold-labelled.
 * All estimators are `@judgekit/stats`'; this function gathers the counts and says what it did.
 */
export function correctPrevalence(options: CorrectPrevalenceOptions): PrevalenceReport {
  const level = options.level ?? 0.95;
  const notes: string[] = [];
  const verdicts = options.verdicts.filter(
    (verdict) => verdict.grader.name === options.grader && verdict.dimension === options.dimension,
  );
  const answered = verdicts.filter((verdict) => !verdict.error && verdict.label !== null);
  const flagged = answered.filter((verdict) => verdict.label === true).length;
  const grader: GraderRef = verdicts[0]?.grader ??
    options.calibration?.grader ?? { name: options.grader, id: options.grader, version: 'unknown' };
  const naive =
    answered.length === 0
      ? { value: null, ci: null }
      : toEstimate(flagged / answered.length, wilsonInterval(flagged, answered.length, { level }));
  if (answered.length === 0)
    notes.push(`no graded verdict of ${options.grader} on ${options.dimension} in this run`);

  let rates: ErrorRates | null = null;
  let corrected: PrevalenceReport['corrected'] = null;
  if (options.calibration) {
    rates = errorRates(options.calibration, options.calibrationSource ?? 'calibration', level);
    if (options.calibration.grader.version !== grader.version || options.calibration.grader.id !== grader.id)
      notes.push(
        `calibrated ${options.calibration.grader.id}@${options.calibration.grader.version} but the run used ` +
          `${grader.id}@${grader.version}: the error rates may not carry over`,
      );
    if (rates.goldPositives === 0 || rates.goldNegatives === 0 || answered.length === 0) {
      notes.push(
        'no Rogan-Gladen correction: the calibration needs gold positives and negatives, and the run graded items',
      );
    } else {
      const result = roganGladen(
        {
          flagged,
          graded: answered.length,
          truePositives: rates.truePositives,
          goldPositives: rates.goldPositives,
          trueNegatives: rates.trueNegatives,
          goldNegatives: rates.goldNegatives,
        },
        { level, ...(options.method ? { method: options.method } : {}), random: options.seed ?? 0 },
      );
      corrected = {
        value: Number.isFinite(result.estimate) ? result.estimate : null,
        ci: result.ci,
        unclamped: Number.isFinite(result.unclampedEstimate) ? result.unclampedEstimate : null,
        method: result.ci.method ?? options.method ?? 'lang-reiczigel',
        note: result.note ?? null,
      };
      if (result.unclampedEstimate < 0)
        notes.push('the flag rate is below the false-positive rate on gold: the estimate is clamped to 0');
    }
  }

  let ppi: PrevalenceReport['ppi'] = null;
  let goldRate: PrevalenceReport['goldRate'] = null;
  if (options.gold && options.gold.length > 0) {
    const gold = new Map(
      options.gold
        .filter((label) => label.dimension === options.dimension && label.label !== null)
        .map((label) => [labelKey(label.transcriptId, label.dimension), label.label as boolean]),
    );
    const labelled = answered.filter((verdict) =>
      gold.has(labelKey(verdict.transcriptId, verdict.dimension)),
    );
    const unlabelled = answered.filter(
      (verdict) => !gold.has(labelKey(verdict.transcriptId, verdict.dimension)),
    );
    const goldValues = labelled.map((verdict) =>
      gold.get(labelKey(verdict.transcriptId, verdict.dimension)) ? 1 : 0,
    );
    if (labelled.length > 0) {
      const positives = goldValues.reduce((sum: number, value) => sum + value, 0);
      goldRate = {
        ...toEstimate(positives / labelled.length, wilsonInterval(positives, labelled.length, { level })),
        n: labelled.length,
      };
    }
    if (labelled.length >= 2 && unlabelled.length >= 2) {
      const result = predictionPoweredMean({
        labels: goldValues,
        labelledPredictions: labelled.map((verdict) => (verdict.label ? 1 : 0)),
        unlabelledPredictions: unlabelled.map((verdict) => (verdict.label ? 1 : 0)),
        level,
      });
      ppi = {
        value: result.estimate,
        ci: { ...result.ci, method: result.ci.method ?? 'ppi++' },
        lambda: result.lambda,
        labelled: result.labelled,
        unlabelled: result.unlabelled,
      };
      if (positivesExpectedFew(goldValues))
        notes.push(
          'PPI++: the gold subset holds few positives; its Wald interval may under-cover (see @judgekit/stats README)',
        );
    } else if (labelled.length > 0) {
      notes.push(
        unlabelled.length < 2
          ? 'every graded transcript has a gold label: the gold rate is the answer, no correction needed'
          : 'fewer than 2 gold-labelled transcripts: no PPI++',
      );
    }
  }
  return {
    format: PREVALENCE_FORMAT,
    grader,
    dimension: options.dimension,
    run: {
      runDir: options.runDir ?? null,
      verdicts: verdicts.length,
      graded: answered.length,
      flagged,
      abstained: verdicts.filter((verdict) => !verdict.error && verdict.label === null).length,
      errors: verdicts.filter((verdict) => verdict.error).length,
    },
    errorRates: rates,
    naive,
    corrected,
    ppi,
    goldRate,
    notes,
  };
}

function positivesExpectedFew(values: readonly number[]): boolean {
  return values.reduce((sum, value) => sum + value, 0) < 10;
}
