import type { Dimension, TranscriptInput } from '@judgekit/core';
import { coerceTranscript } from '../grader/coerce-transcript.js';
import type { CreateGraderOptions } from '../grader/create-grader.js';
import { type GraderInput, resolveGraders } from '../grader/resolve-graders.js';
import { describeVerdict } from '../verdict/describe-verdict.js';
import { gradeOutcome } from '../verdict/grade-outcome.js';

/** Braintrust autoevals' `Score`: `score` in [0, 1] (higher is better) or `null` when not scored. */
export interface AutoevalsScore {
  name: string;
  score: number | null;
  metadata?: Record<string, unknown>;
}

/** What an autoevals scorer is called with: the task output, and optionally `input` and `expected`. */
export interface AutoevalsScorerArgs {
  output: unknown;
  expected?: unknown;
  input?: unknown;
  [key: string]: unknown;
}

/** Options of `toAutoevalsScorer`. */
export interface AutoevalsScorerOptions {
  /** Score name; default `judgekit/<grader name>` (with `/<dimension>` when `dimension` is set). */
  name?: string;
  /** Score one dimension only; default every dimension the grader answers. */
  dimension?: Dimension;
  /** Reads the transcript from the scorer args; default `coerceTranscript(args.output, 'autoevals')`. */
  transcript?: (args: AutoevalsScorerArgs) => TranscriptInput;
  /** Registry, cacheDir, env and cwd when the grader is given by id. */
  graderDefaults?: Omit<CreateGraderOptions, 'options' | 'name'>;
}

/**
 * A Braintrust autoevals scorer that grades the output (a transcript) with a judgekit grader.
 * `score` is 1 − the highest presence over the dimensions (1 = behaviour not seen), `null` when the
 * grader failed or abstained; `metadata` carries the label per dimension, the rationale and the
 * evidence quotes.
 */
export function toAutoevalsScorer(
  grader: GraderInput,
  options: AutoevalsScorerOptions = {},
): (args: AutoevalsScorerArgs) => Promise<AutoevalsScore> {
  const [resolved] = resolveGraders([grader], options.graderDefaults);
  const name =
    options.name ?? `judgekit/${resolved!.name}${options.dimension ? `/${options.dimension}` : ''}`;
  return async (args) => {
    const transcript = options.transcript
      ? options.transcript(args)
      : coerceTranscript(args.output, 'autoevals');
    const verdicts = await resolved!.grade(transcript);
    const outcome = gradeOutcome(verdicts, options.dimension ? [options.dimension] : undefined);
    const decided = !outcome.undecided;
    return {
      name,
      score: decided ? outcome.cleanScore : null,
      metadata: {
        shown: Object.fromEntries(outcome.outcomes.map((item) => [item.dimension, item.shown])),
        presence: Object.fromEntries(outcome.outcomes.map((item) => [item.dimension, item.presence])),
        rationale: outcome.verdicts.map(describeVerdict).join('\n'),
        verdicts: outcome.verdicts,
      },
    };
  };
}
