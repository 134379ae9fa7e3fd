import { JudgekitError } from '@judgekit/core';

const NAME = 'JudgeCallError';

/** Why a judge call failed, as far as the caller needs to act on it. */
export type JudgeCallFailure =
  | 'timeout'
  | 'connection'
  | 'rate-limit'
  | 'server'
  | 'auth'
  | 'request'
  | 'invalid-response'
  | 'aborted';

/**
 * A call to a judge model failed after the SDK's own retries (or was not retryable). The grader
 * records it as an `error` verdict; `isRetryable` says whether running again later may succeed.
 */
export class JudgeCallError extends JudgekitError {
  override readonly code = 'JUDGE_CALL';
  readonly provider: string;
  readonly model: string;
  readonly failure: JudgeCallFailure;
  /** HTTP status of the last attempt, when there was a response. */
  readonly status: number | undefined;
  readonly isRetryable: boolean;

  constructor(options: {
    provider: string;
    model: string;
    failure: JudgeCallFailure;
    status?: number;
    isRetryable: boolean;
    detail: string;
    cause?: unknown;
  }) {
    const status = options.status === undefined ? '' : ` (HTTP ${options.status})`;
    super({
      message: `${options.provider}:${options.model} call failed: ${options.failure}${status}: ${options.detail}`,
      cause: options.cause,
    });
    this.name = NAME;
    this.provider = options.provider;
    this.model = options.model;
    this.failure = options.failure;
    this.status = options.status;
    this.isRetryable = options.isRetryable;
  }

  static override isInstance(error: unknown): error is JudgeCallError {
    return JudgekitError.isInstance(error) && error.name === NAME;
  }
}
