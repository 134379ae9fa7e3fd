import { readTranscripts, type TranscriptFormat } from '@judgekit/adapters';
import type { TranscriptSourceItem } from '@judgekit/core';

/** Reads every input file in order as one stream of transcripts (or invalid-record items). */
export async function* readInputs(
  files: readonly string[],
  from: TranscriptFormat | 'auto',
): AsyncGenerator<TranscriptSourceItem> {
  for (const file of files) yield* readTranscripts(file, { from });
}
