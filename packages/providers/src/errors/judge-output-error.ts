import { JudgekitError, type Usage } from '@judgekit/core';

const NAME = 'JudgeOutputError';

/**
 * The judge answered, but its answer does not match the rubric's schema (after the repair retry,
 * where one is made). The grader turns it into an `error` verdict; the answer is never guessed.
 */
export class JudgeOutputError extends JudgekitError {
  override readonly code = 'JUDGE_OUTPUT';
  readonly provider: string;
  readonly model: string;
  /** The judge's last answer, verbatim. */
  readonly raw: string;
  /** What is wrong with it: JSON syntax or the schema issues. */
  readonly reason: string;
  /** Tokens and cost spent on the failed answer (and its repair), so no spend goes unreported. */
  readonly usage: Usage;
  /** The same answer would come back from the cache: running again does not help. */
  readonly isRetryable = false;

  constructor(options: {
    provider: string;
    model: string;
    raw: string;
    reason: string;
    usage: Usage;
    cause?: unknown;
  }) {
    const preview = options.raw.length > 200 ? `${options.raw.slice(0, 200)}…` : options.raw;
    super({
      message: `${options.provider}:${options.model} answer does not match the schema: ${options.reason}; answer: ${JSON.stringify(preview)}`,
      cause: options.cause,
    });
    this.name = NAME;
    this.provider = options.provider;
    this.model = options.model;
    this.raw = options.raw;
    this.reason = options.reason;
    this.usage = options.usage;
  }

  static override isInstance(error: unknown): error is JudgeOutputError {
    return JudgekitError.isInstance(error) && error.name === NAME;
  }
}
