import {
  type Corpus,
  type CorpusRecord,
  readManifest,
  readVerdicts,
  resolveRunInputs,
  type Transcript,
  type TranscriptFileReader,
} from '@judgekit/core';

export type { TranscriptFileReader } from '@judgekit/core';

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
  const files = await resolveRunInputs(runDir, await readManifest(runDir), {
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    noInputs: 'compare the transcript files themselves instead',
  });
  const loaded = await loadTranscriptCorpus(files, options.readTranscripts);
  return { ...loaded, corpus: { records: loaded.corpus.records, verdicts: await readVerdicts(runDir) } };
}
