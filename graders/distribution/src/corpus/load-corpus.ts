import { access } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import {
  type Corpus,
  type CorpusRecord,
  RunDirError,
  readManifest,
  readVerdicts,
  type Transcript,
  type TranscriptSourceItem,
} from '@judgekit/core';

/** Reads one transcript file (e.g. `readTranscripts` of `@judgekit/adapters`). */
export type TranscriptFileReader = (file: string) => AsyncIterable<TranscriptSourceItem>;

/** A corpus read for a comparison, and what had to be left out. */
export interface LoadedCorpus {
  corpus: Corpus;
  files: string[];
  /** Records of the input files that were not valid transcripts (left out). */
  invalid: number;
}

/** A transcript as a corpus grader sees it: without its messages. */
export function corpusRecord(transcript: Transcript): CorpusRecord {
  const { messages: _messages, ...record } = transcript;
  return record;
}

/** Reads transcript files into a corpus without verdicts; invalid records are counted, not fatal. */
export async function loadTranscriptCorpus(
  files: readonly string[],
  readTranscripts: TranscriptFileReader,
): Promise<LoadedCorpus> {
  const records: CorpusRecord[] = [];
  let invalid = 0;
  for (const file of files) {
    for await (const item of readTranscripts(file)) {
      if (item.ok) records.push(corpusRecord(item.transcript));
      else invalid++;
    }
  }
  return { corpus: { records, verdicts: [] }, files: [...files], invalid };
}

/**
 * Reads what a distribution grader would have seen at the end of a run: the transcripts of the
 * input files its manifest records (relative paths against `cwd`, as the grading command got
 * them) and the run's verdicts. A missing input is a `RunDirError` saying which file.
 */
export async function loadRunCorpus(
  runDir: string,
  options: { readTranscripts: TranscriptFileReader; cwd?: string },
): Promise<LoadedCorpus> {
  const manifest = await readManifest(runDir);
  if (manifest.inputs.length === 0) {
    throw new RunDirError({
      runDir,
      reason: 'its manifest records no input files; compare the transcript files themselves instead',
    });
  }
  const cwd = options.cwd ?? process.cwd();
  const files: string[] = [];
  for (const input of manifest.inputs) {
    const file = isAbsolute(input.path) ? input.path : resolve(cwd, input.path);
    try {
      await access(file);
    } catch (error) {
      throw new RunDirError({
        runDir,
        reason: `input ${input.path} (recorded in manifest.json) is not at ${file}; run from the directory the run was graded in`,
        cause: error,
      });
    }
    files.push(file);
  }
  const loaded = await loadTranscriptCorpus(files, options.readTranscripts);
  return { ...loaded, corpus: { records: loaded.corpus.records, verdicts: await readVerdicts(runDir) } };
}
