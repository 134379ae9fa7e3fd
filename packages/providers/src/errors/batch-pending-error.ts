import { JudgekitError } from '@judgekit/core';

const NAME = 'BatchPendingError';

/**
 * A collecting judge was asked a question whose response is not in the cache: the request was
 * set aside for a batch instead of being sent. With `reason`, its batch item already failed.
 */
export class BatchPendingError extends JudgekitError {
  override readonly code = 'BATCH_PENDING';
  readonly ref: string;
  /** Content address of the request, also its batch custom id. */
  readonly key: string;
  /** Why the batch returned no response for it, when a batch already tried. */
  readonly reason: string | undefined;
  readonly isRetryable = true;

  constructor(options: { ref: string; key: string; reason?: string | undefined; cause?: unknown }) {
    const { ref, key, reason } = options;
    super({
      message: reason
        ? `${ref}: no batch returned a response for request ${key}: ${reason}`
        : `${ref}: request ${key} is not answered yet: it waits for a batch`,
      cause: options.cause,
    });
    this.name = NAME;
    this.ref = ref;
    this.key = key;
    this.reason = reason;
  }

  static override isInstance(error: unknown): error is BatchPendingError {
    return JudgekitError.isInstance(error) && error.name === NAME;
  }
}
