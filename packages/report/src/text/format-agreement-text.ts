import type { AgreementReport, DisagreementQueueRecord } from '@judgekit/analysis';
import { formatEstimate, formatNumber } from './format-number.js';
import { textTable } from './text-table.js';

/**
 * The agreement report as plain text: per dimension, the all-rater coefficients with CIs, each
 * rater's coverage, and a pairwise table; then the top of the disagreement queue.
 */
export function formatAgreementText(
  report: AgreementReport,
  queue: readonly DisagreementQueueRecord[] = [],
  queueRows = 10,
): string {
  const out: string[] = [];
  const level = `${Math.round(report.settings.level * 100)}%`;
  out.push(
    `agreement (${level} CIs: ${report.settings.clustered ? 'cluster' : 'item'} bootstrap, ${report.settings.resamples} resamples)`,
  );
  for (const group of report.groups) {
    out.push('');
    out.push(
      `## ${group.dimension ?? 'items'}: ${group.raters.length} raters, ${group.items} items (${group.pairableItems} rated twice or more)`,
    );
    out.push(
      textTable(
        ['coefficient', 'value [CI]'],
        [
          ['percent agreement', formatEstimate(group.percentAgreement)],
          ["Fleiss' kappa", formatEstimate(group.fleissKappa)],
          ["Krippendorff's alpha (nominal)", formatEstimate(group.krippendorffAlpha)],
          ["Gwet's AC1", formatEstimate(group.gwetAC1)],
          ...(group.krippendorffAlphaScores
            ? [["Krippendorff's alpha (interval, scores)", formatEstimate(group.krippendorffAlphaScores)]]
            : []),
        ],
      ),
    );
    out.push(
      `coverage: ${group.coverage.map((entry) => `${entry.rater} ${entry.rated}${entry.missing ? ` (${entry.missing} missing)` : ''}`).join(', ')}`,
    );
    out.push(
      textTable(
        ['rater A', 'rater B', 'items', 'agreement', "Cohen's kappa", 'AC1'],
        group.pairs.map((pair) => [
          pair.a,
          pair.b,
          String(pair.items),
          formatEstimate(pair.percentAgreement),
          formatEstimate(pair.cohenKappa),
          formatEstimate(pair.gwetAC1),
        ]),
      ),
    );
    if (group.reference) {
      out.push(`against ${group.reference.rater} (a missing rating counts as a disagreement):`);
      out.push(
        textTable(
          ['rater', 'items', 'answered', 'agreed', 'agreement', 'on answered'],
          group.reference.raters.map((entry) => [
            entry.rater,
            String(entry.items),
            String(entry.answered),
            String(entry.agreed),
            formatEstimate(entry.agreement),
            formatEstimate(entry.agreementAnswered),
          ]),
        ),
      );
    }
  }
  if (queue.length > 0) {
    out.push('');
    out.push(`disagreement queue: ${queue.length} item(s); top ${Math.min(queueRows, queue.length)}:`);
    out.push(
      textTable(
        ['rank', 'dimension', 'transcript', 'disagree', 'yes', 'no', 'missing', 'gold', 'graders saying yes'],
        queue.slice(0, queueRows).map((record) => [
          String(record.rank),
          record.dimension,
          record.transcriptId,
          formatNumber(record.disagreement, 2),
          String(record.positives),
          String(record.negatives),
          String(record.missing),
          record.gold ? String(record.gold.label) : '-',
          record.ratings
            .filter((rating) => rating.label === true)
            .map((rating) => rating.rater)
            .join(', '),
        ]),
      ),
    );
  }
  for (const note of report.notes) out.push(`note: ${note}`);
  return `${out.join('\n')}\n`;
}
