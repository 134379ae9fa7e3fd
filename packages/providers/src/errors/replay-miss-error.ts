import { JudgekitError } from '@judgekit/core';

const NAME = 'ReplayMissError';

/** A replayed judge was asked a question that was never recorded. */
export class ReplayMissError extends JudgekitError {
  override readonly code = 'REPLAY_MISS';
  readonly ref: string;
  /** Content address of the missing response. */
  readonly key: string;
  readonly dir: string;
  readonly isRetryable = false;

  constructor({ ref, key, dir, cause }: { ref: string; key: string; dir: string; cause?: unknown }) {
    super({
      message: `no recorded response for ${ref} (key ${key}) in ${dir}; the prompt, schema or settings changed since recording — record again with a key`,
      cause,
    });
    this.name = NAME;
    this.ref = ref;
    this.key = key;
    this.dir = dir;
  }

  static override isInstance(error: unknown): error is ReplayMissError {
    return JudgekitError.isInstance(error) && error.name === NAME;
  }
}
