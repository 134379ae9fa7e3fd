import {
  AgreementReportSchema,
  CalibrationReportSchema,
  DisagreementQueueRecordSchema,
  PrevalenceReportSchema,
} from '@judgekit/analysis';
import { FindingSchema, RunManifestSchema } from '@judgekit/core';
import { z } from 'zod';

/** The format tag of a run report. */
export const RUN_REPORT_FORMAT = 'judgekit.report/v1';

/** A highlighted range of a message's canonical text, and which raters pointed at it. */
export const HighlightSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  raters: z.array(z.string()),
});

/** The messages of a transcript that a queued item's evidence points at, with highlights. */
export const TranscriptExcerptSchema = z.object({
  transcriptId: z.string(),
  messages: z.array(
    z.object({
      index: z.number().int().nonnegative(),
      role: z.string(),
      text: z.string(),
      highlights: z.array(HighlightSchema),
    }),
  ),
  /** Quotes that do not occur in the message they name (a grader citing text that is not there). */
  unmatchedQuotes: z.array(
    z.object({ rater: z.string(), messageIndex: z.number().int(), quote: z.string() }),
  ),
});

/** Everything a report shows about one run; `--format json` prints exactly this. */
export const RunReportSchema = z.object({
  format: z.literal(RUN_REPORT_FORMAT),
  title: z.string(),
  generatedAt: z.string(),
  run: z.object({
    runDir: z.string(),
    status: RunManifestSchema.shape.status,
    createdAt: z.string(),
    graders: RunManifestSchema.shape.graders,
    counts: RunManifestSchema.shape.counts,
  }),
  calibration: CalibrationReportSchema.nullable(),
  agreement: AgreementReportSchema.nullable(),
  prevalence: z.array(PrevalenceReportSchema),
  findings: z.array(FindingSchema),
  queue: z.array(DisagreementQueueRecordSchema),
  excerpts: z.array(TranscriptExcerptSchema),
  notes: z.array(z.string()),
});

export type Highlight = z.infer<typeof HighlightSchema>;
export type TranscriptExcerpt = z.infer<typeof TranscriptExcerptSchema>;
export type RunReport = z.infer<typeof RunReportSchema>;
