import { hasErrorName, JudgekitError } from './judgekit-error.js';

const NAME = 'ConfigError';

/** Configuration (a config file, grader options, CLI flags) is invalid. */
export class ConfigError extends JudgekitError {
  override readonly code = 'CONFIG';
  readonly file: string | undefined;
  /** The offending field, e.g. `graders.1.options.threshold`. */
  readonly path: string;
  readonly reason: string;

  constructor(options: { file?: string; path?: string; reason: string; cause?: unknown }) {
    const where = options.file ? `${options.file}: ` : '';
    const field = options.path ? `${options.path}: ` : '';
    super({ message: `${where}${field}${options.reason}`, cause: options.cause });
    this.name = NAME;
    this.file = options.file;
    this.path = options.path ?? '';
    this.reason = options.reason;
  }

  static override isInstance(error: unknown): error is ConfigError {
    return hasErrorName(error, NAME);
  }
}
