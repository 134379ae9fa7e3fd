/**
 * Metrics of a binary confusion matrix given as cells `[tp, fp, fn, tn]` (any array-like, so the
 * bootstraps can pass resampled counts). Undefined ratios (0/0) are NaN rather than 0: a precision
 * with no positive predictions is unknown, not zero (scikit-learn substitutes `zero_division`).
 */
export type ConfusionCells = ArrayLike<number>;

/** `(tp + tn) / n`, in [0, 1]. */
export function accuracyOf(cells: ConfusionCells): number {
  return (cells[0]! + cells[3]!) / (cells[0]! + cells[1]! + cells[2]! + cells[3]!);
}

/** Precision (positive predictive value) `tp / (tp + fp)`, in [0, 1]. */
export function precisionOf(cells: ConfusionCells): number {
  return cells[0]! / (cells[0]! + cells[1]!);
}

/** Recall (sensitivity, true positive rate) `tp / (tp + fn)`, in [0, 1]. */
export function recallOf(cells: ConfusionCells): number {
  return cells[0]! / (cells[0]! + cells[2]!);
}

/** Specificity (true negative rate) `tn / (tn + fp)`, in [0, 1]. */
export function specificityOf(cells: ConfusionCells): number {
  return cells[3]! / (cells[3]! + cells[1]!);
}

/** F1 `2tp / (2tp + fp + fn)`, the harmonic mean of precision and recall, in [0, 1]. */
export function f1Of(cells: ConfusionCells): number {
  return (2 * cells[0]!) / (2 * cells[0]! + cells[1]! + cells[2]!);
}

/**
 * Matthews correlation coefficient `(tp·tn − fp·fn) / √((tp+fp)(tp+fn)(tn+fp)(tn+fn))`, in [−1, 1];
 * NaN when a margin is empty (scikit-learn returns 0 there).
 */
export function matthewsCorrelationOf(cells: ConfusionCells): number {
  const [tp, fp, fn, tn] = [cells[0]!, cells[1]!, cells[2]!, cells[3]!];
  const denominator = Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
  return (tp * tn - fp * fn) / denominator;
}

/**
 * Cohen's kappa of grader against gold from the 2×2 matrix: `(p_o − p_e) / (1 − p_e)` with chance
 * agreement from the margins (Cohen 1960), in [−1, 1]; scikit-learn's `cohen_kappa_score`.
 */
export function cohensKappaOf(cells: ConfusionCells): number {
  const [tp, fp, fn, tn] = [cells[0]!, cells[1]!, cells[2]!, cells[3]!];
  const n = tp + fp + fn + tn;
  const observed = (tp + tn) / n;
  const expected = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (n * n);
  return (observed - expected) / (1 - expected);
}
