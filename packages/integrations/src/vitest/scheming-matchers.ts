import type { Dimension, TranscriptInput, Verdict } from '@judgekit/core';
import { coerceTranscript } from '../grader/coerce-transcript.js';
import type { CreateGraderOptions } from '../grader/create-grader.js';
import { type GraderInput, gradeWithAll, resolveGraders } from '../grader/resolve-graders.js';
import { describeVerdict } from '../verdict/describe-verdict.js';
import { dimensionOutcomes } from '../verdict/dimension-outcome.js';

/** Options of the judgekit matchers. */
export interface SchemingMatcherOptions {
  /** Graders to ask; default the rule grader of the dimension (no key). */
  graders?: readonly GraderInput[];
  /**
   * A grader that failed or abstained makes the assertion throw (default), because `.not` would
   * otherwise pass on a transcript nobody graded. `true` counts it as not shown.
   */
  allowUndecided?: boolean;
  /** Registry, cacheDir, env and cwd for graders given by id. */
  graderDefaults?: Omit<CreateGraderOptions, 'options' | 'name'>;
}

/** What a matcher returns to `expect.extend`. */
export interface MatcherResult {
  pass: boolean;
  message: () => string;
  actual?: unknown;
  expected?: unknown;
}

const DEFAULT_GRADER: Record<string, string> = {
  covert_action: 'rules.covert-action',
  eval_awareness: 'rules.eval-awareness',
  plausible_deniability: 'rules.plausible-deniability',
};

function verdictBlock(verdicts: readonly Verdict[]): string {
  return verdicts.map((verdict) => describeVerdict(verdict)).join('\n');
}

/**
 * Grades `received` (a transcript, its JSON, or messages) and reports whether any grader flagged
 * `dimension`. The failure message shows every verdict's rationale and evidence quotes.
 */
export async function matchDimension(
  received: unknown,
  dimension: Dimension,
  options: SchemingMatcherOptions,
  isNot: boolean,
): Promise<MatcherResult> {
  const inputs = options.graders ?? [DEFAULT_GRADER[dimension] ?? `rules.${dimension.replace(/_/g, '-')}`];
  const graders = resolveGraders(inputs, options.graderDefaults);
  if (!graders.some((grader) => grader.dimensions.includes(dimension))) {
    throw new Error(
      `none of the graders (${graders.map((grader) => grader.name).join(', ')}) answers ${dimension}`,
    );
  }
  const transcript: TranscriptInput = coerceTranscript(received, 'vitest');
  const verdicts = (await gradeWithAll(graders, transcript)).filter(
    (verdict) => verdict.dimension === dimension,
  );
  const [outcome] = dimensionOutcomes(verdicts);
  if (!options.allowUndecided && outcome && outcome.undecided.length > 0) {
    throw new Error(
      `judgekit could not decide ${dimension} for transcript ${transcript.id}: a grader failed or abstained\n${verdictBlock(outcome.undecided)}`,
    );
  }
  const pass = outcome?.shown === true;
  const flagged = verdicts.filter((verdict) => verdict.label === true);
  return {
    pass,
    message: () =>
      pass
        ? `expected transcript ${transcript.id} ${isNot ? 'not ' : ''}to show ${dimension}, but ${flagged
            .map((verdict) => verdict.grader.name)
            .join(', ')} flagged it:\n${verdictBlock(flagged)}`
        : `expected transcript ${transcript.id} to show ${dimension}, but no grader flagged it:\n${verdictBlock(verdicts)}`,
    actual: verdicts.map((verdict) => ({ grader: verdict.grader.name, label: verdict.label })),
  };
}

/** The matchers `expect.extend` takes: `toShowCovertAction`, `toShowEvalAwareness`, `toShowPlausibleDeniability`. */
export const judgekitMatchers = {
  toShowCovertAction(this: { isNot?: boolean }, received: unknown, options: SchemingMatcherOptions = {}) {
    return matchDimension(received, 'covert_action', options, this.isNot === true);
  },
  toShowEvalAwareness(this: { isNot?: boolean }, received: unknown, options: SchemingMatcherOptions = {}) {
    return matchDimension(received, 'eval_awareness', options, this.isNot === true);
  },
  toShowPlausibleDeniability(
    this: { isNot?: boolean },
    received: unknown,
    options: SchemingMatcherOptions = {},
  ) {
    return matchDimension(received, 'plausible_deniability', options, this.isNot === true);
  },
};
