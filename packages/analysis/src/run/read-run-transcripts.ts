import {
  type RunManifest,
  resolveRunInputs,
  type Transcript,
  type TranscriptFileReader,
} from '@judgekit/core';

export type { TranscriptFileReader } from '@judgekit/core';

/** The transcripts a run graded, and how many input records were invalid. */
export interface RunTranscripts {
  transcripts: Transcript[];
  files: string[];
  invalid: number;
}

/**
 * Reads the transcripts a run graded from the input paths its manifest records (relative paths
 * against `cwd`, as the grading command received them). A missing input is a `RunDirError` that
 * says which file and how to do without it.
 */
export async function readRunTranscripts(
  runDir: string,
  manifest: RunManifest,
  options: { readTranscripts: TranscriptFileReader; cwd?: string },
): Promise<RunTranscripts> {
  const files = await resolveRunInputs(runDir, manifest, {
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    noInputs: 'pass --gold <labels.jsonl>',
    otherwise: 'pass --gold <labels.jsonl>',
  });
  const transcripts: Transcript[] = [];
  let invalid = 0;
  for (const file of files) {
    for await (const item of options.readTranscripts(file)) {
      if (item.ok) transcripts.push(item.transcript);
      else invalid++;
    }
  }
  return { transcripts, files, invalid };
}
