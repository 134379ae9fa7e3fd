import { type GoldLabel, GoldLabelSchema, type Transcript } from '@judgekit/core';

/** The gold labels a transcript carries (`labels[dimension]`) as standalone `GoldLabel` records. */
export function goldLabelsOf(transcript: Transcript): GoldLabel[] {
  return Object.entries(transcript.labels ?? {}).map(([dimension, body]) =>
    GoldLabelSchema.parse({ ...body, transcriptId: transcript.id, dimension }),
  );
}
