import { hasErrorName, JudgekitError } from './judgekit-error.js';

const NAME = 'InvalidTranscriptError';

/** A record in an input file is not a valid transcript. A result for the runner, not a crash. */
export class InvalidTranscriptError extends JudgekitError {
  override readonly code = 'INVALID_TRANSCRIPT';
  readonly file: string | undefined;
  readonly line: number | undefined;
  /** The entry inside the file (a zip entry such as `samples/1_epoch_1.json`), when there is one. */
  readonly entry: string | undefined;
  /** The field path inside the record, e.g. `messages.3.role`. */
  readonly path: string;
  readonly reason: string;

  constructor(options: {
    file?: string;
    line?: number;
    entry?: string;
    path?: string;
    reason: string;
    cause?: unknown;
  }) {
    const where = [options.file, options.line === undefined ? undefined : `line ${options.line}`]
      .filter(Boolean)
      .join(':');
    const field = options.path ? ` at ${options.path}` : '';
    super({
      message: `${where ? `${where}: ` : ''}invalid transcript${field}: ${options.reason}`,
      cause: options.cause,
    });
    this.name = NAME;
    this.file = options.file;
    this.line = options.line;
    this.entry = options.entry;
    this.path = options.path ?? '';
    this.reason = options.reason;
  }

  static override isInstance(error: unknown): error is InvalidTranscriptError {
    return hasErrorName(error, NAME);
  }
}
