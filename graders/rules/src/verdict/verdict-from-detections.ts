import type { Dimension, Evidence, VerdictDraft, View } from '@judgekit/core';
import { type Detection, noisyOr } from './detection.js';

/** How a grader turns its detections into one verdict. */
export interface VerdictOptions {
  dimension: Dimension;
  view: View;
  /** Label threshold on the score, in [0, 1]. */
  threshold: number;
  /** Most evidence items in the verdict. */
  maxEvidence: number;
  /** What the rationale says when nothing was detected. */
  nothing: string;
  provenance: Record<string, unknown>;
  /** What was wrong with the input and read around (e.g. a malformed `metadata.policy`): named in the rationale and provenance. */
  inputProblems?: readonly string[];
}

/**
 * `{ ...provenance, checks }`, built with Object.assign: V8 (Node 20) takes a slow path when an
 * object spread is followed by more properties (~0.7 µs against ~0.05 µs), and every verdict
 * passes here.
 */
function withChecks(provenance: Record<string, unknown>, checks: string[]): Record<string, unknown> {
  return Object.assign({}, provenance, { checks });
}

function evidenceKey(evidence: Evidence): string {
  return `${evidence.messageIndex}\u0000${evidence.quote}`;
}

/**
 * One verdict from detections: score `1 - Π(1 - weight)`, label at the threshold, category of the
 * heaviest detection, evidence from the heaviest detections first (deduplicated, capped).
 */
export function verdictFromDetections(
  detections: readonly Detection[],
  options: VerdictOptions,
): VerdictDraft {
  const verdict = verdictOf(detections, options);
  const problems = options.inputProblems ?? [];
  if (problems.length === 0) return verdict;
  return {
    ...verdict,
    rationale: `${verdict.rationale} (input read around: ${problems.join('; ')})`,
    provenance: { ...verdict.provenance, inputProblems: [...problems] },
  };
}

function verdictOf(detections: readonly Detection[], options: VerdictOptions): VerdictDraft {
  if (detections.length === 0) {
    return {
      dimension: options.dimension,
      label: false,
      score: 0,
      evidence: [],
      rationale: options.nothing,
      view: options.view,
      provenance: withChecks(options.provenance, []),
    };
  }
  const sorted = [...detections].sort((a, b) => b.weight - a.weight);
  const score = Math.round(noisyOr(sorted.map((detection) => detection.weight)) * 1e6) / 1e6;
  const label = sorted.length > 0 && score >= options.threshold;
  const seen = new Set<string>();
  const evidence: Evidence[] = [];
  for (const detection of sorted) {
    for (const item of detection.evidence) {
      const key = evidenceKey(item);
      if (seen.has(key) || evidence.length >= options.maxEvidence) continue;
      seen.add(key);
      evidence.push(item);
    }
  }
  const rationale =
    sorted.length === 0
      ? options.nothing
      : `${label ? 'flagged' : 'below threshold'} (score ${score.toFixed(2)}): ${sorted
          .slice(0, 4)
          .map((detection) => detection.summary)
          .join('; ')}`;
  return {
    dimension: options.dimension,
    label,
    score,
    ...(label && sorted[0] ? { category: sorted[0].category } : {}),
    evidence,
    rationale,
    view: options.view,
    provenance: withChecks(options.provenance, [...new Set(sorted.map((detection) => detection.check))]),
  };
}
