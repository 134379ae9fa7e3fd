import { ConfigError, type GoldLabel, type GraderRef, type Split, type Verdict } from '@judgekit/core';
import { indexGoldLabels } from '../gold/index-gold-labels.js';
import {
  type JoinOutcome,
  joinVerdictsWithGold,
  type LabelledVerdict,
} from '../gold/join-verdicts-with-gold.js';
import { labelKey } from '../gold/label-key.js';
import { indexTranscripts, type TranscriptInfo } from '../run/transcript-info.js';
import { breakdownKey, DEFAULT_BREAKDOWNS, isBreakdown } from './breakdown-key.js';
import {
  type Breakdown,
  CALIBRATION_FORMAT,
  type CalibrationCounts,
  type CalibrationReport,
  type GraderCalibration,
} from './calibration-report-schema.js';
import { classificationEstimates, toConfusionMatrix } from './classification-estimates.js';
import type { IntervalSettings } from './estimate.js';
import { type ScoredItem, scoreCalibration } from './score-calibration.js';

/** Options of `calibrate`. */
export interface CalibrateOptions {
  /** The graded transcripts (or their infos): environments, splits and metadata for breakdowns. */
  transcripts?: Iterable<TranscriptInfo>;
  /**
   * transcriptId → environment, the clusters of the cluster bootstrap. Default: the transcripts'
   * `environment`. Intervals are i.i.d. when fewer than two environments are known.
   */
  environments?: ReadonlyMap<string, string>;
  /** Only transcripts of this split (e.g. `test`: report graders on what they were not built on). */
  split?: Split;
  /** Use this annotator's gold labels when several annotators labelled the same items. */
  annotator?: string;
  /** Where gold came from, recorded in the report (a file path, or `transcripts`). */
  goldSource?: string;
  /** Confidence level, default 0.95. */
  level?: number;
  /** Bootstrap resamples, default 2000. */
  resamples?: number;
  /** Bootstrap seed, default 0. */
  seed?: number;
  /** FPR allowed on benign transcripts for the monitor threshold, default 0.05. */
  targetFPR?: number;
  /** Report the threshold that reaches this precision (most recall), if any. */
  targetPrecision?: number;
  /** Report the threshold that reaches this recall (most precision), if any. */
  targetRecall?: number;
  /** Equal-width bins of the reliability table and ECE, default 10. */
  reliabilityBins?: number;
  /** Breakdowns: `category`, `environment`, `view`, `condition`, `metadata.<key>`. Default the first three. */
  breakdowns?: readonly string[];
}

function checkProbability(name: string, value: number | undefined, open = false): void {
  if (value === undefined) return;
  const ok = open ? value > 0 && value < 1 : value >= 0 && value <= 1;
  if (!ok)
    throw new ConfigError({ path: name, reason: `must be in ${open ? '(0, 1)' : '[0, 1]'}, got ${value}` });
}

function emptyCounts(): CalibrationCounts {
  return { verdicts: 0, scored: 0, abstained: 0, errors: 0, goldUnknown: 0, noGold: 0, missingVerdicts: 0 };
}

const OUTCOME_FIELD: Record<JoinOutcome, keyof CalibrationCounts> = {
  scored: 'scored',
  abstained: 'abstained',
  error: 'errors',
  gold_unknown: 'goldUnknown',
  no_gold: 'noGold',
};

/** Confusion counts `[tp, fp, fn, tn]` of the scored items. */
function tally(items: readonly LabelledVerdict[]): { counts: CalibrationCounts; confusion: number[] } {
  const counts = emptyCounts();
  const confusion = [0, 0, 0, 0];
  for (const item of items) {
    counts.verdicts++;
    counts[OUTCOME_FIELD[item.outcome]]++;
    if (item.outcome !== 'scored') continue;
    const predicted = item.verdict.label === true;
    const actual = item.gold!.label === true;
    confusion[predicted ? (actual ? 0 : 1) : actual ? 2 : 3]!++;
  }
  return { counts, confusion };
}

function clusterCounts(
  items: readonly LabelledVerdict[],
  environments: ReadonlyMap<string, string>,
): number[][] | undefined {
  const byCluster = new Map<string, number[]>();
  for (const item of items) {
    if (item.outcome !== 'scored') continue;
    const environment = environments.get(item.verdict.transcriptId);
    if (environment === undefined) return undefined;
    const counts = byCluster.get(environment) ?? [0, 0, 0, 0];
    const predicted = item.verdict.label === true;
    const actual = item.gold!.label === true;
    counts[predicted ? (actual ? 0 : 1) : actual ? 2 : 3]!++;
    byCluster.set(environment, counts);
  }
  return byCluster.size >= 2 ? [...byCluster.values()] : undefined;
}

function breakdown(
  by: string,
  items: readonly LabelledVerdict[],
  transcripts: ReadonlyMap<string, TranscriptInfo>,
  settings: IntervalSettings,
): Breakdown {
  const groups = new Map<string, LabelledVerdict[]>();
  for (const item of items) {
    const key = breakdownKey(by, item, transcripts.get(item.verdict.transcriptId));
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return {
    by,
    groups: [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, group]) => {
        const { counts, confusion } = tally(group);
        const { missingVerdicts: _, ...rest } = counts;
        return {
          key,
          counts: rest,
          confusion: toConfusionMatrix(confusion),
          metrics: classificationEstimates(confusion, settings),
        };
      }),
  };
}

/**
 * Calibrates every grader against gold, per grader (configured name) and dimension: the confusion
 * matrix; accuracy, precision, recall, specificity, F1, MCC and Cohen's kappa with CIs (a cluster
 * bootstrap by environment when environments are known); for graders that give scores, ROC-AUC,
 * PR-AUC, a threshold sweep with targets, the monitor threshold at a fixed FPR on benign
 * transcripts with its TPR, Brier score, ECE and a reliability table; and breakdowns. Abstentions,
 * errors, unknown gold and missing verdicts are counted, never dropped silently.
 */
export function calibrate(
  verdicts: readonly Verdict[],
  gold: readonly GoldLabel[],
  options: CalibrateOptions = {},
): CalibrationReport {
  const level = options.level ?? 0.95;
  checkProbability('level', level, true);
  checkProbability('targetFPR', options.targetFPR);
  checkProbability('targetPrecision', options.targetPrecision);
  checkProbability('targetRecall', options.targetRecall);
  const breakdowns = [...(options.breakdowns ?? DEFAULT_BREAKDOWNS)];
  for (const by of breakdowns)
    if (!isBreakdown(by))
      throw new ConfigError({
        path: 'breakdowns',
        reason: `unknown breakdown "${by}"; use category, environment, view, condition or metadata.<key>`,
      });
  const reliabilityBins = options.reliabilityBins ?? 10;
  if (!(Number.isInteger(reliabilityBins) && reliabilityBins >= 1))
    throw new ConfigError({
      path: 'reliabilityBins',
      reason: `must be a positive integer, got ${reliabilityBins}`,
    });
  const settings: IntervalSettings = { level, resamples: options.resamples ?? 2000, seed: options.seed ?? 0 };
  const transcripts = indexTranscripts(options.transcripts ?? []);
  const environments =
    options.environments ??
    new Map(
      [...transcripts.values()].flatMap((transcript) =>
        transcript.environment === undefined ? [] : [[transcript.id, transcript.environment] as const],
      ),
    );
  const goldIndex = indexGoldLabels(
    gold,
    options.annotator === undefined ? {} : { annotator: options.annotator },
  );
  const joined = joinVerdictsWithGold(verdicts, goldIndex, {
    ...(options.split ? { split: options.split, transcripts } : {}),
  });
  const inScope = (transcriptId: string) =>
    options.split === undefined || transcripts.get(transcriptId)?.split === options.split;
  const goldInScope = [...goldIndex.values()].filter((label) => inScope(label.transcriptId));

  const groups = new Map<string, { grader: GraderRef; dimension: string; items: LabelledVerdict[] }>();
  for (const item of joined) {
    const key = `${item.verdict.grader.name}\u0000${item.verdict.dimension}`;
    let group = groups.get(key);
    if (!group) {
      group = { grader: item.verdict.grader, dimension: item.verdict.dimension, items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }

  const graders: GraderCalibration[] = [...groups.values()]
    .sort((a, b) => a.dimension.localeCompare(b.dimension) || a.grader.name.localeCompare(b.grader.name))
    .map(({ grader, dimension, items }) => {
      const { counts, confusion } = tally(items);
      const graded = new Set(items.map((item) => labelKey(item.verdict.transcriptId, dimension)));
      counts.missingVerdicts = goldInScope.filter(
        (label) => label.dimension === dimension && !graded.has(labelKey(label.transcriptId, dimension)),
      ).length;
      const clusters = clusterCounts(items, environments);
      const scoredItems: ScoredItem[] = items.flatMap((item) => {
        const score = item.verdict.score;
        if (score === undefined || item.verdict.error || !item.gold || item.gold.label === null) return [];
        const environment = environments.get(item.verdict.transcriptId);
        return [
          {
            score,
            positive: item.gold.label,
            ...(environment === undefined ? {} : { cluster: environment }),
          },
        ];
      });
      return {
        grader,
        dimension,
        counts,
        confusion: toConfusionMatrix(confusion),
        metrics: classificationEstimates(confusion, { ...settings, ...(clusters ? { clusters } : {}) }),
        clusters: clusters ? clusters.length : null,
        scores:
          scoredItems.length === 0
            ? null
            : scoreCalibration(scoredItems, {
                ...settings,
                targetFPR: options.targetFPR ?? 0.05,
                reliabilityBins,
                ...(options.targetPrecision === undefined
                  ? {}
                  : { targetPrecision: options.targetPrecision }),
                ...(options.targetRecall === undefined ? {} : { targetRecall: options.targetRecall }),
              }),
        breakdowns: breakdowns.map((by) => breakdown(by, items, transcripts, settings)),
      };
    });

  return {
    format: CALIBRATION_FORMAT,
    gold: {
      source: options.goldSource ?? 'gold labels',
      annotator: options.annotator ?? null,
      labels: goldInScope.length,
    },
    split: options.split ?? null,
    settings: {
      ...settings,
      targetFPR: options.targetFPR ?? 0.05,
      targetPrecision: options.targetPrecision ?? null,
      targetRecall: options.targetRecall ?? null,
      reliabilityBins,
      breakdowns,
    },
    graders,
    notes: [],
  };
}
