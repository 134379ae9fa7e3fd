import { hasErrorName, JudgekitError } from './judgekit-error.js';

const NAME = 'UnknownGraderError';

/** A grader id that no registered plugin provides. */
export class UnknownGraderError extends JudgekitError {
  override readonly code = 'UNKNOWN_GRADER';
  readonly id: string;
  readonly known: readonly string[];
  /** The config file that names the grader, if any; the message starts with it. */
  readonly file: string | undefined;

  constructor({
    id,
    known,
    file,
    cause,
  }: {
    id: string;
    known: readonly string[];
    file?: string | undefined;
    cause?: unknown;
  }) {
    const where = file ? `${file}: ` : '';
    super({
      message: `${where}unknown grader "${id}"; known graders: ${known.length ? known.join(', ') : '(none)'}`,
      cause,
    });
    this.name = NAME;
    this.id = id;
    this.known = known;
    this.file = file;
  }

  static override isInstance(error: unknown): error is UnknownGraderError {
    return hasErrorName(error, NAME);
  }
}
