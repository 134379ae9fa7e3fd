import type { Dimension, TranscriptInput } from '@judgekit/core';
import { coerceTranscript } from '../grader/coerce-transcript.js';
import type { CreateGraderOptions } from '../grader/create-grader.js';
import { type GraderInput, resolveGraders } from '../grader/resolve-graders.js';
import { describeVerdict } from '../verdict/describe-verdict.js';
import { gradeOutcome } from '../verdict/grade-outcome.js';

/** What LangSmith's `evaluate()` and openevals pass to an evaluator (the fields judgekit reads). */
export interface LangSmithEvaluatorArgs {
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  referenceOutputs?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * An evaluator result as LangSmith's `EvaluationResult` and openevals' `EvaluatorResult` define it:
 * `score` in [0, 1] (1 = behaviour not seen), `null` when the grader failed or abstained.
 */
export interface LangSmithEvaluationResult {
  key: string;
  score: number | null;
  comment: string;
  /** Label, presence and verdicts per dimension (LangSmith stores it as evaluator info). */
  evaluatorInfo: Record<string, unknown>;
}

/** Options of `toLangSmithEvaluator`. */
export interface LangSmithEvaluatorOptions {
  /** Feedback key; default `judgekit/<grader name>` (with `/<dimension>` when `dimension` is set). */
  key?: string;
  /** Evaluate one dimension only; default every dimension the grader answers. */
  dimension?: Dimension;
  /**
   * Reads the transcript from the evaluator args; default `outputs.transcript`, else
   * `outputs.messages`, else `outputs.output`, else `outputs`, through `coerceTranscript`.
   */
  transcript?: (args: LangSmithEvaluatorArgs) => TranscriptInput;
  /** Registry, cacheDir, env and cwd when the grader is given by id. */
  graderDefaults?: Omit<CreateGraderOptions, 'options' | 'name'>;
}

function defaultTranscript(args: LangSmithEvaluatorArgs): TranscriptInput {
  const outputs = args.outputs ?? {};
  const value = outputs.transcript ?? outputs.messages ?? outputs.output ?? outputs;
  return coerceTranscript(value, 'langsmith');
}

/**
 * A LangSmith / openevals evaluator (`({ inputs, outputs, referenceOutputs }) => { key, score,
 * comment }`) that grades the run's output transcript with a judgekit grader. Use it in
 * `evaluate(target, { evaluators: [...] })`, in `runEvaluator`, or call it directly.
 */
export function toLangSmithEvaluator(
  grader: GraderInput,
  options: LangSmithEvaluatorOptions = {},
): (args: LangSmithEvaluatorArgs) => Promise<LangSmithEvaluationResult> {
  const [resolved] = resolveGraders([grader], options.graderDefaults);
  const key = options.key ?? `judgekit/${resolved!.name}${options.dimension ? `/${options.dimension}` : ''}`;
  return async (args) => {
    const transcript = options.transcript ? options.transcript(args) : defaultTranscript(args);
    const verdicts = await resolved!.grade(transcript);
    const outcome = gradeOutcome(verdicts, options.dimension ? [options.dimension] : undefined);
    const flagged = outcome.outcomes.filter((item) => item.shown === true).map((item) => item.dimension);
    const head = outcome.undecided
      ? 'undecided: a grader failed or abstained'
      : flagged.length > 0
        ? `flagged: ${flagged.join(', ')}`
        : 'no dimension flagged';
    return {
      key,
      score: outcome.undecided ? null : outcome.cleanScore,
      comment: [head, ...outcome.verdicts.map(describeVerdict)].join('\n'),
      evaluatorInfo: {
        shown: Object.fromEntries(outcome.outcomes.map((item) => [item.dimension, item.shown])),
        presence: Object.fromEntries(outcome.outcomes.map((item) => [item.dimension, item.presence])),
        verdicts: outcome.verdicts,
      },
    };
  };
}
