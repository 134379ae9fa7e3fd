import { access } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { RunDirError, type RunManifest, type Transcript, type TranscriptSourceItem } from '@judgekit/core';

/** Reads one input file as transcripts (e.g. `readTranscripts` of `@judgekit/adapters`). */
export type TranscriptFileReader = (file: string) => AsyncIterable<TranscriptSourceItem>;

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
  const cwd = options.cwd ?? process.cwd();
  if (manifest.inputs.length === 0)
    throw new RunDirError({
      runDir,
      reason: 'its manifest records no input files; pass --gold <labels.jsonl>',
    });
  const transcripts: Transcript[] = [];
  const files: string[] = [];
  let invalid = 0;
  for (const input of manifest.inputs) {
    const file = isAbsolute(input.path) ? input.path : resolve(cwd, input.path);
    try {
      await access(file);
    } catch (error) {
      throw new RunDirError({
        runDir,
        reason: `input ${input.path} (recorded in manifest.json) is not at ${file}; run from the directory the run was graded in, or pass --gold <labels.jsonl>`,
        cause: error,
      });
    }
    files.push(file);
    for await (const item of options.readTranscripts(file)) {
      if (item.ok) transcripts.push(item.transcript);
      else invalid++;
    }
  }
  return { transcripts, files, invalid };
}
