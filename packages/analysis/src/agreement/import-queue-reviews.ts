import { readFile } from 'node:fs/promises';
import { ConfigError, formatIssuePath, type GoldLabel, GoldLabelSchema } from '@judgekit/core';
import { parse } from 'csv-parse/sync';
import { parseJsonlLines } from '../io/parse-jsonl-records.js';
import { DisagreementQueueRecordSchema } from './disagreement-queue-schema.js';

/** Reviewed queue lines as gold labels, and how many lines had no review yet. */
export interface ImportedReviews {
  gold: GoldLabel[];
  /** Lines whose review label was left empty: not imported. */
  unreviewed: number;
}

/** Options of `parseQueueReviews`. */
export interface ParseQueueReviewsOptions {
  /** `jsonl` (the queue's JSONL export) or `csv` (its CSV export). */
  format: 'jsonl' | 'csv';
  /** The annotator id every imported label is recorded under. */
  annotator: string;
  /** The file name used in error messages. */
  file?: string;
}

const LABEL_WORDS: Record<string, boolean | null> = {
  true: true,
  yes: true,
  '1': true,
  false: false,
  no: false,
  '0': false,
  null: null,
  unsure: null,
  unknown: null,
};

function parseReviewLabel(cell: string, file: string | undefined, row: number): boolean | null | undefined {
  const word = cell.trim().toLowerCase();
  if (word === '') return undefined;
  if (word in LABEL_WORDS) return LABEL_WORDS[word];
  throw new ConfigError({
    file,
    path: `row ${row} review_label`,
    reason: `"${cell}" is not a label; use true, false or null (cannot tell)`,
  });
}

function toGold(fields: Record<string, unknown>, file: string | undefined, where: string): GoldLabel {
  const parsed = GoldLabelSchema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError({
      file,
      path: `${where} at ${formatIssuePath(issue.path)}`,
      reason: issue.message,
    });
  }
  return parsed.data;
}

/**
 * Turns a reviewed disagreement queue (JSONL or CSV as exported) back into gold labels recorded
 * under `annotator`. Lines with an empty review label are counted as unreviewed, not imported.
 */
export function parseQueueReviews(text: string, options: ParseQueueReviewsOptions): ImportedReviews {
  const { annotator, file } = options;
  if (annotator.trim() === '')
    throw new ConfigError({ path: 'annotator', reason: 'an annotator id is required' });
  const gold: GoldLabel[] = [];
  let unreviewed = 0;
  if (options.format === 'jsonl') {
    for (const { record, line } of parseJsonlLines(text, DisagreementQueueRecordSchema, { file })) {
      const { transcriptId, dimension, review } = record;
      if (review.label === undefined) {
        unreviewed++;
        continue;
      }
      gold.push(
        toGold(
          {
            transcriptId,
            dimension,
            label: review.label,
            ...(review.category ? { category: review.category } : {}),
            ...(review.evidence?.length ? { evidence: review.evidence } : {}),
            ...(review.rationale ? { rationale: review.rationale } : {}),
            annotator,
          },
          file,
          `line ${line}`,
        ),
      );
    }
    return { gold, unreviewed };
  }
  const rows = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  rows.forEach((row, index) => {
    const label = parseReviewLabel(row.review_label ?? '', file, index + 2);
    if (label === undefined) {
      unreviewed++;
      return;
    }
    const category = row.review_category?.trim();
    const rationale = row.review_rationale?.trim();
    gold.push(
      toGold(
        {
          transcriptId: row.transcriptId,
          dimension: row.dimension,
          label,
          ...(category ? { category } : {}),
          ...(rationale ? { rationale } : {}),
          annotator,
        },
        file,
        `row ${index + 2}`,
      ),
    );
  });
  return { gold, unreviewed };
}

/** Reads a reviewed queue file (`.csv`, otherwise JSONL) as gold labels under `annotator`. */
export async function readQueueReviews(file: string, annotator: string): Promise<ImportedReviews> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError({
      file,
      reason: `cannot read the reviewed queue: ${(error as Error).message}`,
      cause: error,
    });
  }
  return parseQueueReviews(text, {
    format: file.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl',
    annotator,
    file,
  });
}
