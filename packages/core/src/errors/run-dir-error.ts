import { hasErrorName, JudgekitError } from './judgekit-error.js';

const NAME = 'RunDirError';

/** A run directory cannot be created, read or resumed as asked. */
export class RunDirError extends JudgekitError {
  override readonly code = 'RUN_DIR';
  readonly runDir: string;
  readonly reason: string;

  constructor({ runDir, reason, cause }: { runDir: string; reason: string; cause?: unknown }) {
    super({ message: `run directory ${runDir}: ${reason}`, cause });
    this.name = NAME;
    this.runDir = runDir;
    this.reason = reason;
  }

  static override isInstance(error: unknown): error is RunDirError {
    return hasErrorName(error, NAME);
  }
}
