import type { JudgeResponse } from '@judgekit/providers';
import type { RubricDimension } from '../rubric/rubric-dimensions.js';
import type { JudgeAnswer } from '../rubric/verdict-output-schema.js';

/** How a score was obtained: from the label token's logprobs, or as the share of positive votes. */
export type ScoreMethod = 'logprob' | 'votes';

/** One judge's score for one dimension over its samples. */
export interface JudgeScore {
  /** P(positive label) in [0, 1]. */
  score: number;
  method: ScoreMethod;
  /** Samples whose label was `true`, and samples in all. */
  positiveVotes: number;
  samples: number;
}

/**
 * Scores one dimension from one judge's samples: the mean probability of the positive label where
 * every sample carries logprobs for it, otherwise the share of samples that answered `true`.
 */
export function judgeScore(
  responses: readonly JudgeResponse<JudgeAnswer>[],
  dimension: RubricDimension,
): JudgeScore {
  const labels = responses.map((response) => response.output[dimension]?.label === true);
  const positiveVotes = labels.filter(Boolean).length;
  const probabilities = responses.map(
    (response) =>
      response.labelProbabilities.find(
        (entry) => entry.path.length === 2 && entry.path[0] === dimension && entry.path[1] === 'label',
      )?.probability,
  );
  if (probabilities.length > 0 && probabilities.every((value) => value !== undefined)) {
    const sum = probabilities.reduce<number>((total, value) => total + (value ?? 0), 0);
    return { score: sum / probabilities.length, method: 'logprob', positiveVotes, samples: responses.length };
  }
  return {
    score: responses.length === 0 ? 0 : positiveVotes / responses.length,
    method: 'votes',
    positiveVotes,
    samples: responses.length,
  };
}
