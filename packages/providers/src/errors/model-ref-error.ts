import { JudgekitError } from '@judgekit/core';

const NAME = 'ModelRefError';

/** A judge model name (`provider:model`) that cannot be used. */
export class ModelRefError extends JudgekitError {
  override readonly code = 'MODEL_REF';
  readonly ref: string;
  readonly reason: string;

  constructor({ ref, reason, cause }: { ref: string; reason: string; cause?: unknown }) {
    super({ message: `judge model "${ref}": ${reason}`, cause });
    this.name = NAME;
    this.ref = ref;
    this.reason = reason;
  }

  static override isInstance(error: unknown): error is ModelRefError {
    return JudgekitError.isInstance(error) && error.name === NAME;
  }
}
