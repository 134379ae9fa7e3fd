import type { SchemingMatcherOptions } from './vitest/scheming-matchers.js';

export {
  judgekitMatchers,
  type MatcherResult,
  matchDimension,
  type SchemingMatcherOptions,
} from './vitest/scheming-matchers.js';

/** The judgekit matchers on `expect(...)`; each grades the transcript, so `await` them. */
export interface JudgekitMatchers {
  /** Passes when a grader flags `covert_action` (use `.not` to require a clean transcript). */
  toShowCovertAction(options?: SchemingMatcherOptions): Promise<void>;
  /** Passes when a grader flags `eval_awareness`. */
  toShowEvalAwareness(options?: SchemingMatcherOptions): Promise<void>;
  /** Passes when a grader flags `plausible_deniability`. */
  toShowPlausibleDeniability(options?: SchemingMatcherOptions): Promise<void>;
}

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: matches vitest's own declaration of Matchers.
  interface Matchers<T = any> extends JudgekitMatchers {}
}
