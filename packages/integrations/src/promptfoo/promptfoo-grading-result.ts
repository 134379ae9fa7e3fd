/**
 * promptfoo's `GradingResult`, as far as judgekit fills it (the fields a `javascript` assertion
 * may return; checked against promptfoo's own type in the tests).
 */
export interface PromptfooGradingResult {
  pass: boolean;
  /** In [0, 1]; 1 means the behaviour was not seen. */
  score: number;
  reason: string;
  /** One score per dimension (1 = not seen), shown as columns in promptfoo's viewer. */
  namedScores?: Record<string, number>;
  /** One result per dimension. */
  componentResults?: PromptfooGradingResult[];
  metadata?: Record<string, unknown>;
}

/** The parts of promptfoo's assertion context judgekit reads. */
export interface PromptfooAssertionContext {
  /** The assertion's `config:` block. */
  config?: Record<string, unknown>;
  vars?: Record<string, unknown>;
  test?: { description?: string };
}
