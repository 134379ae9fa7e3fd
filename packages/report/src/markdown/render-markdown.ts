import type { Finding } from '@judgekit/core';
import { CALIBRATION_SUMMARY, calibrationSummaryRows } from '../report/calibration-summary.js';
import type { RunReport } from '../report/run-report-schema.js';
import { formatEstimate, formatNumber, formatPercent, formatPercentEstimate } from '../text/format-number.js';

function cell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '_none_';
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

function calibrationSection(report: RunReport): string[] {
  const calibration = report.calibration;
  if (!calibration) return ['## Calibration', '', '_No gold labels: nothing to calibrate against._'];
  const level = `${Math.round(calibration.settings.level * 100)}%`;
  const out = [
    '## Calibration',
    '',
    `Against ${calibration.gold.labels} gold labels from \`${calibration.gold.source}\`` +
      `${calibration.split ? ` (split \`${calibration.split}\`)` : ' (all splits)'}; ${level} CIs` +
      ` (cluster bootstrap by environment where environments are known, else Wilson / bootstrap).`,
    '',
    table(
      CALIBRATION_SUMMARY.map((column) => column.header),
      calibrationSummaryRows(calibration.graders, (summary) => {
        if (summary.kind === 'none') return '-';
        if (summary.kind === 'count') return String(summary.value);
        if (summary.kind === 'estimate') return formatEstimate(summary.value, 2);
        return summary.kind === 'name' ? `\`${summary.value}\`` : summary.value;
      }),
    ),
  ];
  const scored = calibration.graders.filter((entry) => entry.scores);
  if (scored.length > 0) {
    out.push(
      '',
      `Graders with scores (monitor threshold at FPR ≤ ${formatPercent(calibration.settings.targetFPR)} on benign transcripts):`,
      '',
    );
    out.push(
      table(
        ['dimension', 'grader', 'ROC-AUC', 'PR-AUC', 'Brier', 'ECE', 'threshold', 'TPR at threshold'],
        scored.map((entry) => {
          const scores = entry.scores!;
          return [
            entry.dimension,
            `\`${entry.grader.name}\``,
            formatEstimate(scores.rocAUC, 2),
            formatEstimate(scores.prAUC, 2),
            formatEstimate(scores.brier, 3),
            formatNumber(scores.ece, 3),
            scores.monitor.threshold === null ? 'none' : formatNumber(scores.monitor.threshold, 3),
            formatEstimate(scores.monitor.tpr, 2),
          ];
        }),
      ),
    );
  }
  return out;
}

function prevalenceSection(report: RunReport): string[] {
  if (report.prevalence.length === 0) return [];
  return [
    '## Prevalence: naive vs corrected',
    '',
    table(
      ['dimension', 'grader', 'graded', 'naive', 'Rogan-Gladen', 'PPI++', 'gold rate'],
      report.prevalence.map((entry) => [
        entry.dimension,
        `\`${entry.grader.name}\``,
        String(entry.run.graded),
        formatPercentEstimate(entry.naive),
        entry.corrected
          ? formatPercentEstimate({ value: entry.corrected.value, ci: entry.corrected.ci })
          : '-',
        entry.ppi ? formatPercentEstimate({ value: entry.ppi.value, ci: entry.ppi.ci }) : '-',
        entry.goldRate ? `${formatPercentEstimate(entry.goldRate)} (n ${entry.goldRate.n})` : '-',
      ]),
    ),
    '',
    ...[...new Set(report.prevalence.flatMap((entry) => entry.notes))].map((note) => `- ${note}`),
  ];
}

function agreementSection(report: RunReport): string[] {
  if (!report.agreement) return [];
  const out = ['## Agreement', ''];
  for (const group of report.agreement.groups) {
    out.push(
      `**${group.dimension ?? 'items'}** — ${group.raters.length} raters, ${group.pairableItems} items rated twice or more: ` +
        `Fleiss' κ ${formatEstimate(group.fleissKappa, 2)}, Krippendorff's α ${formatEstimate(group.krippendorffAlpha, 2)}, ` +
        `Gwet's AC1 ${formatEstimate(group.gwetAC1, 2)}, agreement ${formatPercentEstimate(group.percentAgreement)}`,
      '',
      table(
        ['rater A', 'rater B', 'items', 'agreement', "Cohen's κ", 'AC1'],
        group.pairs.map((pair) => [
          pair.a,
          pair.b,
          String(pair.items),
          formatPercentEstimate(pair.percentAgreement),
          formatEstimate(pair.cohenKappa, 2),
          formatEstimate(pair.gwetAC1, 2),
        ]),
      ),
      '',
    );
    if (group.reference)
      out.push(
        `Against \`${group.reference.rater}\` (a missing rating counts as a disagreement):`,
        '',
        table(
          ['rater', 'items', 'answered', 'agreed', 'agreement', 'on answered'],
          group.reference.raters.map((entry) => [
            entry.rater,
            String(entry.items),
            String(entry.answered),
            String(entry.agreed),
            formatPercentEstimate(entry.agreement),
            formatPercentEstimate(entry.agreementAnswered),
          ]),
        ),
        '',
      );
  }
  return out;
}

function findingRow(finding: Finding): string[] {
  const effect = finding.effect;
  const ci = effect.ci ? ` [${formatNumber(effect.ci.lower)}, ${formatNumber(effect.ci.upper)}]` : '';
  return [
    finding.environment,
    finding.metric,
    `${finding.conditions[0]} vs ${finding.conditions[1]}`,
    `${effect.measure} ${formatNumber(effect.value)}${ci}`,
    finding.pAdjusted === null ? 'n/a' : finding.pAdjusted.toPrecision(3),
    finding.flagged ? '**flagged**' : '',
  ];
}

function findingsSection(report: RunReport): string[] {
  if (report.findings.length === 0) return [];
  return [
    '## Condition effects',
    '',
    table(
      ['environment', 'metric', 'conditions', 'effect [CI]', 'p (adjusted)', ''],
      report.findings.map(findingRow),
    ),
  ];
}

function queueSection(report: RunReport): string[] {
  if (report.queue.length === 0) return [];
  return [
    '## Disagreement queue',
    '',
    table(
      ['rank', 'dimension', 'transcript', 'disagreement', 'say yes', 'say no', 'gold'],
      report.queue.map((record) => [
        String(record.rank),
        record.dimension,
        `\`${record.transcriptId}\``,
        formatNumber(record.disagreement, 2),
        record.ratings
          .filter((rating) => rating.label === true)
          .map((rating) => rating.rater)
          .join(', ') || '-',
        record.ratings
          .filter((rating) => rating.label === false)
          .map((rating) => rating.rater)
          .join(', ') || '-',
        record.gold ? String(record.gold.label) : '-',
      ]),
    ),
  ];
}

/** The run report as GitHub-flavoured Markdown, for a pull request or an issue. */
export function renderMarkdown(report: RunReport): string {
  const counts = report.run.counts;
  const sections = [
    [
      `# ${report.title}`,
      '',
      `Run \`${report.run.runDir}\` (${report.run.status}, created ${report.run.createdAt}): ${counts.transcripts} transcripts, ` +
        `${counts.verdicts} verdicts (${counts.errors} errors, ${counts.abstentions} abstentions), ${counts.findings} findings, ` +
        `${counts.skipped} skipped. Graders: ${report.run.graders.map((grader) => `\`${grader.name}\` (${grader.id}@${grader.version})`).join(', ')}.`,
    ],
    calibrationSection(report),
    prevalenceSection(report),
    agreementSection(report),
    findingsSection(report),
    queueSection(report),
    report.notes.length ? ['## Notes', '', ...report.notes.map((note) => `- ${note}`)] : [],
  ];
  return `${sections
    .filter((section) => section.length > 0)
    .map((section) => section.join('\n').trimEnd())
    .join('\n\n')}\n`;
}
