import { type Transcript, TranscriptSchema } from '@judgekit/core';
import { COUNTERFACTUAL_EVAL_CUE_PATH, loadFixtureCorpus, readTranscriptFile } from '@judgekit/fixtures';

/**
 * The transcripts every tool grades: the 352 gold-labelled fixture transcripts, then the
 * counterfactual eval-cue set (fixture-like transcripts from the same environments) until `count`.
 * Every transcript has distinct content, so no answer can be shared between two of them.
 */
export function benchCorpus(count: number): Transcript[] {
  const corpus = loadFixtureCorpus();
  const counterfactual = readTranscriptFile(COUNTERFACTUAL_EVAL_CUE_PATH).transcripts;
  const all = [...corpus, ...counterfactual].map((transcript) => TranscriptSchema.parse(transcript));
  if (count > all.length) throw new Error(`at most ${all.length} bench transcripts; asked for ${count}`);
  return all.slice(0, count);
}
