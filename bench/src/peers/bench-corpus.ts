import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readAgentSafetyTrajectories } from '@judgekit/adapters';
import { type Transcript, TranscriptSchema } from '@judgekit/core';
import { COUNTERFACTUAL_EVAL_CUE_PATH, loadFixtureCorpus, readTranscriptFile } from '@judgekit/fixtures';
import { loadRubric } from '@judgekit/grader-llm-judge';
import { DIMENSIONS } from './peer-rubrics.js';
import { plainTranscript } from './plain-transcript.js';

/** The corpora the peer bench can grade: the fixture corpus (the target is judged on it) or real long transcripts. */
export const BENCH_CORPORA = ['fixtures', 'assebench'] as const;
export type BenchCorpusName = (typeof BENCH_CORPORA)[number];

/**
 * ASSEBench's `AgentJudge-security.json` in the shared real-data folder beside the repository
 * (`../shared/data/agent-safety-trajectories`), read in place: it is never copied into the project.
 */
export const ASSEBENCH_FILE = fileURLToPath(
  new URL('../../../../shared/data/agent-safety-trajectories/AgentJudge-security.json', import.meta.url),
);

/**
 * The transcripts every tool grades: the 352 gold-labelled fixture transcripts, then the
 * counterfactual eval-cue set (fixture-like transcripts from the same environments) until `count`
 * (all of them when `count` is infinite).
 * Every transcript has distinct content, so no answer can be shared between two of them.
 */
export function fixtureBenchCorpus(count: number): BenchCorpus {
  const corpus = loadFixtureCorpus();
  const counterfactual = readTranscriptFile(COUNTERFACTUAL_EVAL_CUE_PATH).transcripts;
  const all = [...corpus, ...counterfactual].map((transcript) => TranscriptSchema.parse(transcript));
  if (Number.isFinite(count) && count > all.length) {
    throw new Error(`at most ${all.length} bench transcripts; asked for ${count}`);
  }
  return { transcripts: all.slice(0, count), available: all.length };
}

/**
 * The `count` longest ASSEBench AgentJudge-security transcripts (all 817 when `count` is larger),
 * longest first, by the bytes of the plain transcript the peers receive (ties by id). Undefined
 * when the shared data folder is absent.
 */
export async function assebenchBenchCorpus(count: number): Promise<BenchCorpus | undefined> {
  if (!existsSync(ASSEBENCH_FILE)) return undefined;
  const transcripts: { transcript: Transcript; bytes: number }[] = [];
  for await (const item of readAgentSafetyTrajectories(ASSEBENCH_FILE)) {
    if (!item.ok) throw new Error(`${ASSEBENCH_FILE}: ${item.error.message}`);
    transcripts.push({
      transcript: item.transcript,
      bytes: Buffer.byteLength(plainTranscript(item.transcript)),
    });
  }
  transcripts.sort((a, b) => b.bytes - a.bytes || a.transcript.id.localeCompare(b.transcript.id));
  return {
    transcripts: transcripts.slice(0, count).map(({ transcript }) => transcript),
    available: transcripts.length,
  };
}

/** The transcripts a peer bench grades, and how many its corpus holds. */
export interface BenchCorpus {
  transcripts: Transcript[];
  available: number;
}

/** The bench corpus by name; undefined when its data is absent (only `assebench` can be). */
export async function benchCorpus(name: BenchCorpusName, count: number): Promise<BenchCorpus | undefined> {
  return name === 'assebench' ? assebenchBenchCorpus(count) : fixtureBenchCorpus(count);
}

/** Bytes of the plain transcripts the peers receive (without any prompt around them): median and mean. */
export function plainTranscriptBytes(transcripts: readonly Transcript[]): { median: number; mean: number } {
  const bytes = transcripts
    .map((transcript) => Buffer.byteLength(plainTranscript(transcript)))
    .sort((a, b) => a - b);
  const middle = Math.floor(bytes.length / 2);
  const median = bytes.length % 2 === 1 ? bytes[middle]! : (bytes[middle - 1]! + bytes[middle]!) / 2;
  return { median, mean: bytes.reduce((sum, value) => sum + value, 0) / bytes.length };
}

/**
 * The least input, in tokens (bytes / 4 per call, as the server counts), that any design grading
 * all three dimensions in one call per transcript could send while reading the same rubrics as the
 * peers: each call carries the three dimensions' rubric texts and the plain
 * transcript, and nothing else — no instructions, output schema, fence or message framing. A lower
 * bound on judgekit's input, whatever its prompt: the `≤ 0.5× the peers' input` target is out of
 * reach on a corpus where this bound is above half the peers' measured input.
 */
export function oneCallInputFloor(transcripts: readonly Transcript[]): number {
  const rubrics = DIMENSIONS.reduce(
    (sum, dimension) => sum + Buffer.byteLength(loadRubric(dimension).text),
    0,
  );
  return transcripts.reduce(
    (sum, transcript) => sum + Math.ceil((rubrics + Buffer.byteLength(plainTranscript(transcript))) / 4),
    0,
  );
}
