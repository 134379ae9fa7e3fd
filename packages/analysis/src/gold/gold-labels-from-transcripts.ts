import type { GoldLabel, Transcript } from '@judgekit/core';

/**
 * The gold labels embedded in transcripts (`labels[dimension]`) as standalone records, one per
 * transcript and dimension, in transcript order.
 */
export function goldLabelsFromTranscripts(transcripts: Iterable<Transcript>): GoldLabel[] {
  const gold: GoldLabel[] = [];
  for (const transcript of transcripts) {
    for (const [dimension, body] of Object.entries(transcript.labels ?? {})) {
      gold.push({ ...body, transcriptId: transcript.id, dimension });
    }
  }
  return gold;
}
