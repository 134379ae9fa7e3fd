import type { Evidence } from '@judgekit/core';
import { noisyOr } from '../verdict/detection.js';
import type { CueHit } from './awareness-cues.js';
import type { CompiledLexicon } from './compile-lexicon.js';

/** The eval-awareness score of a transcript and how it was reached. */
export interface AwarenessScore {
  /** In [0, 1]: noisy-OR over families of the noisy-OR over distinct cues of each cue's strongest match. */
  score: number;
  /** The family that names the category, when any cue matched. */
  family: number | undefined;
  /** Score per family index. */
  families: Map<number, number>;
  /** Evidence from the strongest matches first, overlapping spans dropped. */
  evidence: Evidence[];
}

/** Combines cue hits: a cue counts once (its strongest match), families combine by noisy-OR. */
export function awarenessScore(
  hits: readonly CueHit[],
  lexicon: CompiledLexicon,
  maxEvidence: number,
): AwarenessScore {
  const strongest = new Map<number, CueHit>();
  for (const hit of hits) {
    const current = strongest.get(hit.cue);
    if (!current || hit.weight > current.weight) strongest.set(hit.cue, hit);
  }
  const byFamily = new Map<number, number[]>();
  for (const hit of strongest.values()) {
    const weights = byFamily.get(hit.family) ?? [];
    weights.push(hit.weight);
    byFamily.set(hit.family, weights);
  }
  const families = new Map<number, number>();
  for (const [family, weights] of byFamily) families.set(family, noisyOr(weights));
  const score = Math.round(noisyOr(families.values()) * 1e6) / 1e6;
  let family: number | undefined;
  const top = Math.max(0, ...families.values());
  for (const [index, value] of families) {
    if (value < top / 2 || value === 0) continue;
    if (
      family === undefined ||
      lexicon.families[index]!.priority > lexicon.families[family]!.priority ||
      (lexicon.families[index]!.priority === lexicon.families[family]!.priority &&
        value > families.get(family)!)
    ) {
      family = index;
    }
  }
  const evidence: Evidence[] = [];
  for (const hit of [...strongest.values()].sort((a, b) => b.weight - a.weight)) {
    if (evidence.length >= maxEvidence) break;
    const span = hit.evidence.span;
    const overlaps = evidence.some(
      (item) =>
        item.messageIndex === hit.evidence.messageIndex &&
        item.span !== undefined &&
        span !== undefined &&
        item.span.start < span.end &&
        span.start < item.span.end,
    );
    if (!overlaps) evidence.push(hit.evidence);
  }
  return { score, family, families, evidence };
}
