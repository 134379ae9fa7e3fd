import type { Estimate, GraderCalibration } from '@judgekit/analysis';

/** One cell of the calibration summary, before a renderer formats it. */
export type SummaryCell =
  | { kind: 'text'; value: string }
  | { kind: 'name'; value: string }
  | { kind: 'count'; value: number }
  | { kind: 'estimate'; value: Estimate }
  | { kind: 'none' };

/** One column of the calibration summary: a long header (HTML, Markdown), a short one (terminal). */
export interface SummaryColumn {
  header: string;
  short: string;
  cell(entry: GraderCalibration): SummaryCell;
}

const count = (value: number): SummaryCell => ({ kind: 'count', value });
const estimate = (value: Estimate): SummaryCell => ({ kind: 'estimate', value });

/**
 * The calibration summary — one row per grader and dimension — shared by the HTML report, the
 * Markdown report and `judgekit calibrate`'s text output, so the three never list different columns.
 */
export const CALIBRATION_SUMMARY: readonly SummaryColumn[] = [
  { header: 'dimension', short: 'dimension', cell: (entry) => ({ kind: 'text', value: entry.dimension }) },
  { header: 'grader', short: 'grader', cell: (entry) => ({ kind: 'name', value: entry.grader.name }) },
  { header: 'scored', short: 'scored', cell: (entry) => count(entry.counts.scored) },
  { header: 'TP', short: 'TP', cell: (entry) => count(entry.confusion.truePositives) },
  { header: 'FP', short: 'FP', cell: (entry) => count(entry.confusion.falsePositives) },
  { header: 'FN', short: 'FN', cell: (entry) => count(entry.confusion.falseNegatives) },
  { header: 'TN', short: 'TN', cell: (entry) => count(entry.confusion.trueNegatives) },
  { header: 'precision', short: 'precision', cell: (entry) => estimate(entry.metrics.precision) },
  { header: 'recall', short: 'recall', cell: (entry) => estimate(entry.metrics.recall) },
  { header: 'F1', short: 'F1', cell: (entry) => estimate(entry.metrics.f1) },
  { header: "Cohen's κ", short: 'kappa', cell: (entry) => estimate(entry.metrics.cohenKappa) },
  {
    header: 'ROC-AUC',
    short: 'ROC-AUC',
    cell: (entry) => (entry.scores ? estimate(entry.scores.rocAUC) : { kind: 'none' }),
  },
  { header: 'abstained', short: 'abst.', cell: (entry) => count(entry.counts.abstained) },
  { header: 'errors', short: 'err.', cell: (entry) => count(entry.counts.errors) },
];

/** Indexes of the summary's numeric columns (right-aligned where a renderer aligns). */
export const CALIBRATION_SUMMARY_NUMERIC: readonly number[] = CALIBRATION_SUMMARY.flatMap((column, index) =>
  column.header === 'dimension' || column.header === 'grader' ? [] : [index],
);

/** The summary's rows with every cell formatted by `format`. */
export function calibrationSummaryRows(
  entries: readonly GraderCalibration[],
  format: (cell: SummaryCell) => string,
): string[][] {
  return entries.map((entry) => CALIBRATION_SUMMARY.map((column) => format(column.cell(entry))));
}
