import { JudgekitError } from '@judgekit/core';

const NAME = 'BatchError';

/** A batch cannot be submitted, or a submitted batch failed, expired or was cancelled as a whole. */
export class BatchError extends JudgekitError {
  override readonly code = 'BATCH';
  readonly provider: string;
  readonly batchId: string | undefined;
  readonly reason: string;

  constructor(options: { provider: string; batchId?: string; reason: string; cause?: unknown }) {
    const id = options.batchId ? ` ${options.batchId}` : '';
    super({ message: `${options.provider} batch${id}: ${options.reason}`, cause: options.cause });
    this.name = NAME;
    this.provider = options.provider;
    this.batchId = options.batchId;
    this.reason = options.reason;
  }

  static override isInstance(error: unknown): error is BatchError {
    return JudgekitError.isInstance(error) && error.name === NAME;
  }
}
