import { hasErrorName, JudgekitError } from './judgekit-error.js';

const NAME = 'UnknownGraderError';

/** A grader id that no registered plugin provides. */
export class UnknownGraderError extends JudgekitError {
  override readonly code = 'UNKNOWN_GRADER';
  readonly id: string;
  readonly known: readonly string[];

  constructor({ id, known, cause }: { id: string; known: readonly string[]; cause?: unknown }) {
    super({
      message: `unknown grader "${id}"; known graders: ${known.length ? known.join(', ') : '(none)'}`,
      cause,
    });
    this.name = NAME;
    this.id = id;
    this.known = known;
  }

  static override isInstance(error: unknown): error is UnknownGraderError {
    return hasErrorName(error, NAME);
  }
}
