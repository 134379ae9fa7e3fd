import { type Evidence, type Transcript, type VerdictDraft, type View, verifyEvidence } from '@judgekit/core';
import type { JudgeCallResult, JudgeRun } from '../grader/judge-run.js';
import type { LLMJudgeConfig } from '../judge/llm-judge-config.js';
import type { RubricDimension } from '../rubric/rubric-dimensions.js';
import type { DimensionAnswer } from '../rubric/verdict-output-schema.js';
import { combineChunks, combineJudges, fuseHybrid, type ScoredLabel } from '../score/combine-judges.js';
import { type JudgeScore, judgeScore } from '../score/judge-score.js';

/** One answer with the view it was given under. */
interface ViewedAnswer {
  view: View;
  answer: DimensionAnswer;
}

/** A pass's result for one dimension, chunk by chunk and judge by judge. */
interface PassResult extends ScoredLabel {
  view: View;
  chunks: (ScoredLabel & { judges: JudgeScore[] })[];
}

function passResult(
  run: JudgeRun,
  passIndex: number,
  dimension: RubricDimension,
  config: LLMJudgeConfig,
  judgeCount: number,
): PassResult {
  const pass = run.passes[passIndex]!;
  const chunks = pass.prompts.map((_, chunkIndex) => {
    const judges = Array.from({ length: judgeCount }, (_unused, judgeIndex) =>
      judgeScore(
        run.results
          .filter(
            (result) =>
              result.pass === passIndex && result.chunk === chunkIndex && result.judge === judgeIndex,
          )
          .map((result) => result.response!),
        dimension,
      ),
    );
    const combined = combineJudges(
      judges.map((judge) => judge.score),
      config.combine,
      config.threshold,
    );
    return { ...combined, judges };
  });
  return { view: pass.view, ...combineChunks(chunks), chunks };
}

function answersOf(run: JudgeRun, dimension: RubricDimension): ViewedAnswer[] {
  return run.results.flatMap((result: JudgeCallResult) => {
    const answer = result.response?.output[dimension];
    return answer ? [{ view: run.passes[result.pass]!.view, answer }] : [];
  });
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of counts) if (best === undefined || count > counts.get(best)!) best = value;
  return best;
}

/** The evidence of the answers that agree with the final label, verified under the view each was given, deduplicated. */
function collectEvidence(
  transcript: Transcript,
  answers: readonly ViewedAnswer[],
  maxEvidence: number,
): Evidence[] {
  const seen = new Set<string>();
  const all: Evidence[] = [];
  for (const { view, answer } of answers) {
    for (const item of answer.evidence) {
      const key = `${item.message}\0${item.quote}`;
      if (seen.has(key) || item.message < 0 || item.quote.length === 0) continue;
      seen.add(key);
      all.push(verifyEvidence(transcript, { messageIndex: item.message, quote: item.quote }, view));
    }
  }
  // verified quotes first, then the order the judges gave them
  return [...all.filter((item) => item.verified), ...all.filter((item) => !item.verified)].slice(
    0,
    maxEvidence,
  );
}

/** The first rationale given (in hybrid mode, the first of each view, marked with it). */
function representativeRationale(answers: readonly ViewedAnswer[], perView: boolean): string {
  const texts = new Map<string, string>();
  for (const { view, answer } of answers) {
    const text = answer.rationale.trim();
    const key = perView ? view : 'any';
    if (text && !texts.has(key)) texts.set(key, perView ? `[${view} view] ${text}` : text);
  }
  return [...texts.values()].join(' ');
}

/**
 * The verdict of one dimension from a run that succeeded: scores per judge (logprobs or votes),
 * merged over the ensemble, over chunks (highest wins) and, in hybrid mode, fused over the two
 * views. Evidence comes from the answers that agree with the final label, each quote checked
 * against the transcript; a positive verdict none of whose quotes is found is flagged (or, with
 * `unverifiedPositive: 'abstain'`, turned into an abstention) and counted in provenance.
 */
export function dimensionVerdict(options: {
  transcript: Transcript;
  run: JudgeRun;
  dimension: RubricDimension;
  config: LLMJudgeConfig;
  judgeCount: number;
  provenance: Record<string, unknown>;
}): VerdictDraft {
  const { transcript, run, dimension, config, judgeCount } = options;
  const passes = run.passes.map((_, index) => passResult(run, index, dimension, config, judgeCount));
  const reasoningPass = passes.find((pass) => pass.view === 'reasoning');
  const actionsPass = passes.find((pass) => pass.view === 'actions');
  const final: ScoredLabel =
    config.view === 'hybrid'
      ? fuseHybrid(reasoningPass?.score, actionsPass!.score, config.hybrid.reasoningWeight, config.threshold)
      : passes[0]!;
  const answers = answersOf(run, dimension);
  const agreeing = answers.filter(({ answer }) => answer.label === final.label);
  const representative = agreeing.length > 0 ? agreeing : answers;
  const evidence = collectEvidence(transcript, representative, config.maxEvidence);
  const verified = evidence.filter((item) => item.verified).length;
  const unverifiedPositive = final.label && verified === 0;
  let rationale = representativeRationale(representative, config.view === 'hybrid');
  let label: boolean | null = final.label;
  if (unverifiedPositive) {
    const flag =
      evidence.length === 0
        ? '[unverified: the judge answered true but quoted no evidence]'
        : `[unverified: none of the ${evidence.length} quote(s) occurs in the transcript as quoted]`;
    rationale = `${flag} ${rationale}`.trim();
    if (config.unverifiedPositive === 'abstain') label = null;
  }
  const category =
    final.label === true
      ? mostCommon(
          representative
            .map(({ answer }) => answer.category)
            .filter((value): value is string => typeof value === 'string'),
        )
      : undefined;
  return {
    dimension,
    label,
    score: final.score,
    ...(category ? { category } : {}),
    evidence,
    ...(rationale ? { rationale } : {}),
    view: config.view === 'hybrid' ? 'all' : config.view,
    provenance: {
      ...options.provenance,
      scoreMethod: [
        ...new Set(
          passes.flatMap((pass) => pass.chunks.flatMap((chunk) => chunk.judges.map((judge) => judge.method))),
        ),
      ].join('+'),
      passes: passes.map((pass) => ({
        view: pass.view,
        score: pass.score,
        label: pass.label,
        chunks: pass.chunks.map((chunk) => ({
          score: chunk.score,
          label: chunk.label,
          judges: chunk.judges,
        })),
      })),
      evidenceCheck: {
        quotes: evidence.length,
        verified,
        unverifiedPositive,
        ...(unverifiedPositive ? { action: config.unverifiedPositive } : {}),
      },
    },
  };
}
