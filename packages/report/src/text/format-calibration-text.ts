import type { CalibrationReport, GraderCalibration } from '@judgekit/analysis';
import { CALIBRATION_SUMMARY, calibrationSummaryRows } from '../report/calibration-summary.js';
import { formatEstimate, formatNumber, formatPercent } from './format-number.js';
import { textTable } from './text-table.js';

function intervalNote(report: CalibrationReport, entry: GraderCalibration): string {
  const level = `${Math.round(report.settings.level * 100)}%`;
  return entry.clusters === null
    ? `${level} CIs: Wilson (rates), i.i.d. bootstrap (F1, MCC, kappa)`
    : `${level} CIs: cluster bootstrap over ${entry.clusters} environments, ${report.settings.resamples} resamples`;
}

function countsLine(entry: GraderCalibration): string {
  const c = entry.counts;
  return (
    `verdicts ${c.verdicts}: scored ${c.scored}, abstained ${c.abstained}, errors ${c.errors}, ` +
    `gold unknown ${c.goldUnknown}, no gold ${c.noGold}; gold labels without a verdict ${c.missingVerdicts}`
  );
}

function scoreLines(report: CalibrationReport, entry: GraderCalibration): string[] {
  const scores = entry.scores;
  if (!scores) return ['scores: none (labels only)'];
  const lines = [
    `scores (n ${scores.n}, ${scores.positives} positive): ROC-AUC ${formatEstimate(scores.rocAUC)}, ` +
      `PR-AUC ${formatEstimate(scores.prAUC)}, Brier ${formatEstimate(scores.brier)}, ` +
      `ECE ${formatNumber(scores.ece)} (${report.settings.reliabilityBins} bins)`,
  ];
  const monitor = scores.monitor;
  lines.push(
    `monitor threshold at FPR ≤ ${formatPercent(monitor.targetFPR)} on ${monitor.benign} benign: ` +
      (monitor.threshold === null
        ? 'none (every threshold exceeds it)'
        : `score ≥ ${formatNumber(monitor.threshold)}, FPR ${formatEstimate(monitor.fpr)}, TPR ${formatEstimate(monitor.tpr)}`),
  );
  for (const target of scores.targets) {
    lines.push(
      `target ${target.metric} ≥ ${formatNumber(target.target, 2)}: ` +
        (target.row === null
          ? 'not reachable'
          : `score ≥ ${formatNumber(target.threshold)} (precision ${formatNumber(target.row.precision)}, recall ${formatNumber(target.row.recall)})`),
    );
  }
  return lines;
}

/**
 * The calibration report as plain text for a terminal: a summary table of every grader and
 * dimension, then each one's counts, metrics with CIs, score metrics, thresholds and breakdowns.
 */
export function formatCalibrationText(report: CalibrationReport): string {
  const out: string[] = [];
  out.push(
    `calibration against ${report.gold.source}${report.gold.annotator ? ` (annotator ${report.gold.annotator})` : ''}: ` +
      `${report.gold.labels} gold labels${report.split ? `, split ${report.split}` : ', all splits'}`,
  );
  out.push('');
  out.push(
    textTable(
      CALIBRATION_SUMMARY.map((column) => column.short),
      calibrationSummaryRows(report.graders, (cell) => {
        if (cell.kind === 'none') return '-';
        if (cell.kind === 'count') return String(cell.value);
        if (cell.kind === 'estimate') return formatNumber(cell.value.value);
        return cell.value;
      }),
    ),
  );
  for (const entry of report.graders) {
    out.push('');
    out.push(`## ${entry.dimension} · ${entry.grader.name} (${entry.grader.id}@${entry.grader.version})`);
    out.push(countsLine(entry));
    out.push(intervalNote(report, entry));
    out.push(
      textTable(
        ['metric', 'value [CI]'],
        Object.entries(entry.metrics).map(([name, estimate]) => [name, formatEstimate(estimate)]),
      ),
    );
    out.push(...scoreLines(report, entry));
    for (const breakdown of entry.breakdowns) {
      out.push(`by ${breakdown.by}:`);
      out.push(
        textTable(
          [breakdown.by, 'scored', 'TP', 'FP', 'FN', 'TN', 'precision', 'recall', 'abst.', 'err.'],
          breakdown.groups.map((group) => [
            group.key,
            String(group.counts.scored),
            String(group.confusion.truePositives),
            String(group.confusion.falsePositives),
            String(group.confusion.falseNegatives),
            String(group.confusion.trueNegatives),
            formatNumber(group.metrics.precision.value),
            formatNumber(group.metrics.recall.value),
            String(group.counts.abstained),
            String(group.counts.errors),
          ]),
        ),
      );
    }
  }
  for (const note of report.notes) out.push(`note: ${note}`);
  return `${out.join('\n')}\n`;
}
