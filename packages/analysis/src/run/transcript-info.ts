import type { Transcript } from '@judgekit/core';

/**
 * What analysis needs of a transcript besides its verdicts: where it ran, its split and metadata
 * (for breakdowns and clustering). Messages are only needed by reports that quote them.
 */
export type TranscriptInfo = Pick<Transcript, 'id' | 'environment' | 'condition' | 'split' | 'metadata'>;

/** Indexes transcripts (or their infos) by id. */
export function indexTranscripts<TTranscript extends TranscriptInfo>(
  transcripts: Iterable<TTranscript>,
): Map<string, TTranscript> {
  const index = new Map<string, TTranscript>();
  for (const transcript of transcripts) index.set(transcript.id, transcript);
  return index;
}

/** The environment of every transcript that names one: the clusters of the cluster bootstrap. */
export function environmentsOf(transcripts: Iterable<TranscriptInfo>): Map<string, string> {
  const environments = new Map<string, string>();
  for (const transcript of transcripts)
    if (transcript.environment !== undefined) environments.set(transcript.id, transcript.environment);
  return environments;
}
