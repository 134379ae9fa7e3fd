import { hasErrorName, JudgekitError } from '@judgekit/core';

const NAME = 'InspectWriteError';

/** An Inspect log could not be rewritten with judgekit scores (unreadable, zip64, no header). */
export class InspectWriteError extends JudgekitError {
  override readonly code = 'INSPECT_WRITE';
  readonly file: string;
  readonly reason: string;

  constructor(options: { file: string; reason: string; cause?: unknown }) {
    super({ message: `${options.file}: ${options.reason}`, cause: options.cause });
    this.name = NAME;
    this.file = options.file;
    this.reason = options.reason;
  }

  static override isInstance(error: unknown): error is InspectWriteError {
    return hasErrorName(error, NAME);
  }
}
