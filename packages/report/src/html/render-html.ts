import type { DisagreementQueueRecord, Estimate, GraderCalibration } from '@judgekit/analysis';
import { PALETTE } from '../plots/plot-theme.js';
import { renderSVG } from '../plots/render-svg.js';
import {
  CALIBRATION_SUMMARY,
  CALIBRATION_SUMMARY_NUMERIC,
  calibrationSummaryRows,
} from '../report/calibration-summary.js';
import type { RunReport, TranscriptExcerpt } from '../report/run-report-schema.js';
import { goldRaterName } from '../report/transcript-excerpt.js';
import { formatEstimate, formatNumber, formatPercent, formatPercentEstimate } from '../text/format-number.js';
import { escapeHTML } from './escape-html.js';
import { type ReportPlot, reportPlots } from './report-plots.js';
import { REPORT_STYLE } from './report-style.js';

function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly number[] = [],
): string {
  if (rows.length === 0) return '<p class="muted">none</p>';
  const head = header.map((title) => `<th>${escapeHTML(title)}</th>`).join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${row.map((value, column) => `<td${numeric.includes(column) ? ' class="num"' : ''}>${value}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const text = (value: string) => escapeHTML(value);
const estimate = (value: Estimate, digits = 3) => escapeHTML(formatEstimate(value, digits));

function figures(svgs: readonly string[]): string {
  return `<div class="plots">${svgs.map((svg) => `<figure class="plot">${svg}</figure>`).join('\n')}</div>`;
}

function graderDetails(entry: GraderCalibration): string {
  const metrics = table(
    ['metric', 'value [CI]'],
    Object.entries(entry.metrics).map(([name, value]) => [text(name), estimate(value)]),
    [1],
  );
  const c = entry.counts;
  const counts = `<p class="muted">verdicts ${c.verdicts}: scored ${c.scored}, abstained ${c.abstained}, errors ${c.errors}, gold unknown ${c.goldUnknown}, no gold ${c.noGold}, gold without verdict ${c.missingVerdicts}; ${entry.clusters === null ? 'i.i.d. intervals' : `cluster bootstrap over ${entry.clusters} environments`}</p>`;
  const scores = entry.scores
    ? `<p>ROC-AUC ${estimate(entry.scores.rocAUC)}, PR-AUC ${estimate(entry.scores.prAUC)}, Brier ${estimate(entry.scores.brier)}, ECE ${text(formatNumber(entry.scores.ece))}. Monitor threshold at FPR ≤ ${text(formatPercent(entry.scores.monitor.targetFPR))} on ${entry.scores.monitor.benign} benign: ${
        entry.scores.monitor.threshold === null
          ? 'none'
          : `score ≥ ${text(formatNumber(entry.scores.monitor.threshold))}, TPR ${estimate(entry.scores.monitor.tpr)}, FPR ${estimate(entry.scores.monitor.fpr)}`
      }${entry.scores.targets
        .map(
          (target) =>
            `; target ${text(target.metric)} ≥ ${text(formatNumber(target.target, 2))}: ${target.threshold === null ? 'not reachable' : `score ≥ ${text(formatNumber(target.threshold))}`}`,
        )
        .join('')}.</p>`
    : '';
  const breakdowns = entry.breakdowns
    .map(
      (breakdown) =>
        `<h4>by ${text(breakdown.by)}</h4>${table(
          [breakdown.by, 'scored', 'TP', 'FP', 'FN', 'TN', 'precision', 'recall', 'abstained', 'errors'],
          breakdown.groups.map((group) => [
            text(group.key),
            String(group.counts.scored),
            String(group.confusion.truePositives),
            String(group.confusion.falsePositives),
            String(group.confusion.falseNegatives),
            String(group.confusion.trueNegatives),
            estimate(group.metrics.precision, 2),
            estimate(group.metrics.recall, 2),
            String(group.counts.abstained),
            String(group.counts.errors),
          ]),
          [1, 2, 3, 4, 5, 6, 7, 8, 9],
        )}`,
    )
    .join('\n');
  return `<details><summary>${text(entry.dimension)} · ${text(entry.grader.name)} — metrics with CIs, thresholds, breakdowns</summary>${counts}${metrics}${scores}${breakdowns}</details>`;
}

function calibrationSection(
  report: RunReport,
  svgs: Map<ReportPlot, string>,
  plots: readonly ReportPlot[],
): string {
  const calibration = report.calibration;
  if (!calibration)
    return '<h2>Calibration</h2><p class="muted">No gold labels: nothing to calibrate against.</p>';
  const summary = table(
    CALIBRATION_SUMMARY.map((column) => column.header),
    calibrationSummaryRows(calibration.graders, (cell) => {
      if (cell.kind === 'none') return '-';
      if (cell.kind === 'count') return String(cell.value);
      if (cell.kind === 'estimate') return estimate(cell.value, 2);
      return cell.kind === 'name' ? `<code>${text(cell.value)}</code>` : text(cell.value);
    }),
    CALIBRATION_SUMMARY_NUMERIC,
  );
  const dimensions = [...new Set(calibration.graders.map((entry) => entry.dimension))];
  const perDimension = dimensions
    .map((dimension) => {
      const own = plots.filter((plot) => plot.section === 'calibration' && plot.group === dimension);
      const details = calibration.graders
        .filter((entry) => entry.dimension === dimension)
        .map(graderDetails)
        .join('\n');
      return `<h3>${text(dimension)}</h3>${figures(own.map((plot) => svgs.get(plot)!))}${details}`;
    })
    .join('\n');
  return `<h2>Calibration</h2><p>Against ${calibration.gold.labels} gold labels from <code>${text(calibration.gold.source)}</code>${
    calibration.split ? `, split <code>${text(calibration.split)}</code>` : ', all splits'
  }; ${Math.round(calibration.settings.level * 100)}% confidence intervals.</p>${summary}${perDimension}`;
}

function prevalenceSection(
  report: RunReport,
  svgs: Map<ReportPlot, string>,
  plots: readonly ReportPlot[],
): string {
  if (report.prevalence.length === 0) return '';
  const rows = report.prevalence.map((entry) => [
    text(entry.dimension),
    `<code>${text(entry.grader.name)}</code>`,
    String(entry.run.graded),
    text(formatPercentEstimate(entry.naive)),
    entry.corrected
      ? text(formatPercentEstimate({ value: entry.corrected.value, ci: entry.corrected.ci }))
      : '-',
    entry.ppi ? text(formatPercentEstimate({ value: entry.ppi.value, ci: entry.ppi.ci })) : '-',
    entry.goldRate ? `${text(formatPercentEstimate(entry.goldRate))} (n ${entry.goldRate.n})` : '-',
  ]);
  const notes = [...new Set(report.prevalence.flatMap((entry) => entry.notes))];
  return `<h2>Prevalence: naive vs corrected</h2>${figures(
    plots.filter((plot) => plot.section === 'prevalence').map((plot) => svgs.get(plot)!),
  )}${table(['dimension', 'grader', 'graded', 'naive', 'Rogan-Gladen', 'PPI++', 'gold rate'], rows, [2, 3, 4, 5, 6])}${
    notes.length ? `<ul>${notes.map((note) => `<li class="muted">${text(note)}</li>`).join('')}</ul>` : ''
  }`;
}

function agreementSection(
  report: RunReport,
  svgs: Map<ReportPlot, string>,
  plots: readonly ReportPlot[],
): string {
  if (!report.agreement) return '';
  const groups = report.agreement.groups
    .map((group) => {
      const name = group.dimension ?? 'items';
      const plot = plots.filter((candidate) => candidate.section === 'agreement' && candidate.group === name);
      return `<h3>${text(name)}</h3><p>${group.raters.length} raters, ${group.pairableItems} items rated twice or more: Fleiss' κ ${estimate(group.fleissKappa, 2)}, Krippendorff's α ${estimate(group.krippendorffAlpha, 2)}, Gwet's AC1 ${estimate(group.gwetAC1, 2)}, agreement ${text(formatPercentEstimate(group.percentAgreement))}${
        group.krippendorffAlphaScores ? `, α on scores ${estimate(group.krippendorffAlphaScores, 2)}` : ''
      }.</p>${figures(plot.map((candidate) => svgs.get(candidate)!))}${table(
        ['rater A', 'rater B', 'items', 'agreement', "Cohen's κ", 'AC1'],
        group.pairs.map((pair) => [
          text(pair.a),
          text(pair.b),
          String(pair.items),
          text(formatPercentEstimate(pair.percentAgreement)),
          estimate(pair.cohenKappa, 2),
          estimate(pair.gwetAC1, 2),
        ]),
        [2, 3, 4, 5],
      )}${
        group.reference
          ? `<p>Against <b>${text(group.reference.rater)}</b> (a missing rating counts as a disagreement):</p>${table(
              ['rater', 'items', 'answered', 'agreed', 'agreement', 'on answered'],
              group.reference.raters.map((entry) => [
                text(entry.rater),
                String(entry.items),
                String(entry.answered),
                String(entry.agreed),
                text(formatPercentEstimate(entry.agreement)),
                text(formatPercentEstimate(entry.agreementAnswered)),
              ]),
              [1, 2, 3, 4, 5],
            )}`
          : ''
      }`;
    })
    .join('\n');
  return `<h2>Agreement</h2>${groups}`;
}

function findingsSection(
  report: RunReport,
  svgs: Map<ReportPlot, string>,
  plots: readonly ReportPlot[],
): string {
  if (report.findings.length === 0) return '';
  const rows = report.findings.map((finding) => [
    text(finding.environment),
    text(finding.metric),
    text(`${finding.conditions[0]} vs ${finding.conditions[1]}`),
    text(
      `${finding.effect.measure} ${formatNumber(finding.effect.value)}${finding.effect.ci ? ` [${formatNumber(finding.effect.ci.lower)}, ${formatNumber(finding.effect.ci.upper)}]` : ''}`,
    ),
    finding.pAdjusted === null ? 'n/a' : text(finding.pAdjusted.toPrecision(3)),
    finding.flagged ? '<span class="flagged">flagged</span>' : '',
  ]);
  return `<h2>Condition effects by environment</h2>${figures(
    plots.filter((plot) => plot.section === 'findings').map((plot) => svgs.get(plot)!),
  )}${table(['environment', 'metric', 'conditions', 'effect [CI]', 'p (adjusted)', ''], rows, [4])}`;
}

function highlighted(
  message: TranscriptExcerpt['messages'][number],
  colourOf: (rater: string) => number,
): string {
  let html = '';
  let cursor = 0;
  for (const highlight of message.highlights) {
    html += escapeHTML(message.text.slice(cursor, highlight.start));
    const className = highlight.raters.length > 1 ? 'many' : `r${colourOf(highlight.raters[0]!)}`;
    html += `<mark class="${className}" title="${escapeHTML(highlight.raters.join(', '))}">${escapeHTML(
      message.text.slice(highlight.start, highlight.end),
    )}</mark>`;
    cursor = highlight.end;
  }
  return html + escapeHTML(message.text.slice(cursor));
}

function queueSection(report: RunReport): string {
  if (report.queue.length === 0) return '';
  const raters = [
    ...new Set(
      report.queue.flatMap((record) => [
        ...record.ratings.map((rating) => rating.rater),
        ...(record.gold ? [goldRaterName(record.gold.annotator)] : []),
      ]),
    ),
  ].sort();
  const colourOf = (rater: string) => raters.indexOf(rater) % PALETTE.length;
  const excerpts = new Map(report.excerpts.map((excerpt) => [excerpt.transcriptId, excerpt]));
  const legend = raters
    .map((rater) => `<span><span class="swatch r${colourOf(rater)}"></span>${text(rater)}</span>`)
    .join(' &nbsp; ');
  const items = report.queue.map((record: DisagreementQueueRecord) => {
    const ratings = record.ratings
      .map(
        (rating) =>
          `<div class="rating"><span class="swatch r${colourOf(rating.rater)}"></span><b>${text(rating.rater)}</b>: ${
            rating.error
              ? `<span class="flagged">error: ${text(rating.error)}</span>`
              : `${rating.label === null ? 'abstained' : rating.label ? '<b>yes</b>' : 'no'}${rating.score === null ? '' : ` (score ${text(formatNumber(rating.score, 2))})`}`
          }${rating.category ? ` · ${text(rating.category)}` : ''}${rating.rationale ? `<br><span class="muted">${text(rating.rationale)}</span>` : ''}${
            rating.evidence.length
              ? `<br>${rating.evidence.map((item) => `m${item.messageIndex}: “${text(item.quote)}”${item.verified === false ? ' <span class="unmatched">(not found)</span>' : ''}`).join('<br>')}`
              : ''
          }</div>`,
      )
      .join('');
    const gold = record.gold
      ? `<div class="rating"><span class="swatch r${colourOf(goldRaterName(record.gold.annotator))}"></span><b>${text(
          goldRaterName(record.gold.annotator),
        )}</b>: ${record.gold.label === null ? 'cannot tell' : record.gold.label ? '<b>yes</b>' : 'no'}${
          record.gold.category ? ` · ${text(record.gold.category)}` : ''
        }${record.gold.rationale ? `<br><span class="muted">${text(record.gold.rationale)}</span>` : ''}${
          record.gold.evidence.length
            ? `<br>${record.gold.evidence.map((item) => `m${item.messageIndex}: “${text(item.quote)}”`).join('<br>')}`
            : ''
        }</div>`
      : '';
    const excerpt = excerpts.get(record.transcriptId);
    const messages = excerpt
      ? excerpt.messages
          .map(
            (message) =>
              `<div class="message"><span class="role">message ${message.index} · ${text(message.role)}</span>${highlighted(message, colourOf)}</div>`,
          )
          .join('') +
        excerpt.unmatchedQuotes
          .map(
            (quote) =>
              `<p class="unmatched">${text(quote.rater)} quotes “${text(quote.quote)}” in message ${quote.messageIndex}, where it does not occur.</p>`,
          )
          .join('')
      : '<p class="muted">transcript not available</p>';
    return `<div class="queue-item"><b>#${record.rank}</b> <code>${text(record.transcriptId)}</code> · ${text(record.dimension)} · disagreement ${text(
      formatNumber(record.disagreement, 2),
    )} (${record.positives} yes, ${record.negatives} no, ${record.missing} missing)${
      record.gold ? ` · gold <b>${text(String(record.gold.label))}</b> (${text(record.gold.annotator)})` : ''
    }<div class="ratings">${ratings}${gold}</div>${messages}</div>`;
  });
  return `<h2>Disagreement queue</h2><p>Where the graders disagree most, each grader's evidence side by side and highlighted in the transcript. ${legend}</p>${items.join('\n')}`;
}

/**
 * The run report as ONE self-contained HTML file: inline CSS, every plot a static SVG rendered at
 * build time with Vega-Lite, no script and nothing fetched from the network when it is opened.
 */
export async function renderHTML(report: RunReport): Promise<string> {
  const plots = reportPlots(report);
  const svgs = new Map<ReportPlot, string>();
  for (const plot of plots) svgs.set(plot, await renderSVG(plot.spec));
  const counts = report.run.counts;
  const graders = report.run.graders
    .map(
      (grader) =>
        `<code>${text(grader.name)}</code> <span class="muted">(${text(grader.id)}@${text(grader.version)}, ${text(grader.kind)})</span>`,
    )
    .join(', ');
  const notes = report.notes.length
    ? `<h2>Notes</h2><ul>${report.notes.map((note) => `<li>${text(note)}</li>`).join('')}</ul>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${text(report.title)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<h1>${text(report.title)}</h1>
<p class="muted">Run <code>${text(report.run.runDir)}</code> · ${text(report.run.status)} · created ${text(report.run.createdAt)} · report ${text(report.generatedAt)}</p>
<p>${counts.transcripts} transcripts, ${counts.verdicts} verdicts (${counts.errors} errors, ${counts.abstentions} abstentions), ${counts.findings} findings, ${counts.skipped} skipped. Graders: ${graders}.</p>
${calibrationSection(report, svgs, plots)}
${prevalenceSection(report, svgs, plots)}
${agreementSection(report, svgs, plots)}
${findingsSection(report, svgs, plots)}
${queueSection(report)}
${notes}
</body>
</html>
`;
}
