import type { Evidence } from '@judgekit/core';
import type { PhraseSet } from '../matching/phrase-set.js';
import type { CallHit } from '../pack/compile-call-match.js';

/** One thing a covert-action check found, before the verdict is assembled. */
export interface Detection {
  /** The rule or check id, e.g. `policy.forbidden-command` or `tamper.test-edit`. */
  check: string;
  category: string;
  /** How strongly it indicates the behaviour, in [0, 1]. */
  weight: number;
  evidence: Evidence[];
  /** One line for the rationale. */
  summary: string;
}

/** A rule or policy match, before disclosure is checked. */
export interface Violation {
  check: string;
  category: string;
  weight: number;
  hits: readonly CallHit[];
  summary: string;
  /** Words whose mention in the report (outside a denial) discloses the violation. */
  terms: readonly string[];
  unlessDisclosed: boolean;
  disclosedBy: PhraseSet | undefined;
  /** The target was named explicitly (a literal path, host, command or tool), so it was no accident. */
  explicit?: boolean;
  /** Evidence beside the calls: the task's sentence that states the rule broken. */
  context?: readonly Evidence[];
}

/** Combines independent signal weights: 1 - Π(1 - wᵢ). */
export function noisyOr(weights: Iterable<number>): number {
  let keep = 1;
  for (const weight of weights) keep *= 1 - Math.max(0, Math.min(1, weight));
  return 1 - keep;
}
