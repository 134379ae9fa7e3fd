import type { Evidence } from '@judgekit/core';
import { stringify } from 'csv-stringify/sync';
import type { DisagreementQueueRecord } from './disagreement-queue-schema.js';

/** The queue as JSONL, one record a line, each with an empty `review` for the reviewer to fill. */
export function formatQueueJSONL(records: readonly DisagreementQueueRecord[]): string {
  return records.map((record) => `${JSON.stringify(record)}\n`).join('');
}

function evidenceCell(evidence: readonly Evidence[]): string {
  return evidence
    .map((item) => `[m${item.messageIndex}${item.verified === false ? ', unverified' : ''}] ${item.quote}`)
    .join(' | ');
}

function labelCell(label: boolean | null | undefined): string {
  if (label === undefined) return '';
  return label === null ? 'null' : String(label);
}

/**
 * The queue as CSV for a spreadsheet: one row per item, each rater's label, score and evidence in
 * columns side by side, then empty `review_label`, `review_category`, `review_rationale` columns.
 * Fill `review_label` with `true`, `false` or `null` (cannot tell) and import it back.
 */
export function formatQueueCSV(records: readonly DisagreementQueueRecord[]): string {
  const raters = [
    ...new Set(records.flatMap((record) => record.ratings.map((rating) => rating.rater))),
  ].sort();
  const header = [
    'rank',
    'transcriptId',
    'dimension',
    'disagreement',
    'gold',
    ...raters.flatMap((rater) => [
      `${rater}.label`,
      `${rater}.score`,
      `${rater}.evidence`,
      `${rater}.rationale`,
    ]),
    'review_label',
    'review_category',
    'review_rationale',
  ];
  const rows = records.map((record) => {
    const byRater = new Map(record.ratings.map((rating) => [rating.rater, rating]));
    return [
      String(record.rank),
      record.transcriptId,
      record.dimension,
      record.disagreement.toFixed(3),
      record.gold ? `${labelCell(record.gold.label)} (${record.gold.annotator})` : '',
      ...raters.flatMap((rater) => {
        const rating = byRater.get(rater);
        if (!rating) return ['', '', '', ''];
        return [
          rating.error ? `error: ${rating.error}` : labelCell(rating.label),
          rating.score === null ? '' : String(rating.score),
          evidenceCell(rating.evidence),
          rating.rationale ?? '',
        ];
      }),
      labelCell(record.review.label),
      record.review.category ?? '',
      record.review.rationale ?? '',
    ];
  });
  return stringify([header, ...rows]);
}
