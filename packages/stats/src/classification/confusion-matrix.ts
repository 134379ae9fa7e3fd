/** A binary label; `null` is an abstention (prediction) or a missing label (gold). */
export type BinaryLabel = boolean | null;

/** Counts of a binary grader against gold labels, with abstentions kept apart. */
export interface ConfusionMatrix {
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
  /** The grader abstained (or failed) on an item whose gold label is positive / negative. */
  abstentions: { positive: number; negative: number };
  /** Items without a gold label; they count nowhere else. */
  missingGold: number;
}

/**
 * Confusion matrix from paired predictions and gold labels. Abstentions (`null` predictions) are
 * counted by gold class and never folded into the four cells, so metrics describe the answered
 * items and reports can still show how often the grader did not answer.
 */
export function confusionMatrix(
  predicted: readonly BinaryLabel[],
  gold: readonly BinaryLabel[],
): ConfusionMatrix {
  if (predicted.length !== gold.length) {
    throw new RangeError(`confusionMatrix: ${predicted.length} predictions but ${gold.length} gold labels`);
  }
  const matrix: ConfusionMatrix = {
    truePositives: 0,
    falsePositives: 0,
    trueNegatives: 0,
    falseNegatives: 0,
    abstentions: { positive: 0, negative: 0 },
    missingGold: 0,
  };
  for (let index = 0; index < gold.length; index++) {
    const truth = gold[index];
    const prediction = predicted[index];
    if (truth === null || truth === undefined) matrix.missingGold++;
    else if (prediction === null || prediction === undefined)
      matrix.abstentions[truth ? 'positive' : 'negative']++;
    else if (truth) prediction ? matrix.truePositives++ : matrix.falseNegatives++;
    else prediction ? matrix.falsePositives++ : matrix.trueNegatives++;
  }
  return matrix;
}

/** The four cells as `[tp, fp, fn, tn]`, the layout the bootstraps resample. */
export function confusionCells(matrix: ConfusionMatrix): [number, number, number, number] {
  return [matrix.truePositives, matrix.falsePositives, matrix.falseNegatives, matrix.trueNegatives];
}
