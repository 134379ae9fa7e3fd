const marker = Symbol.for('judgekit.error');

/** Options every judgekit error is built from. */
export interface JudgekitErrorOptions {
  message: string;
  cause?: unknown;
}

/**
 * Base of every judgekit error. Errors are values with a stable `name` and `code`;
 * use the static `isInstance` checks, never `instanceof` across packages.
 */
export class JudgekitError extends Error {
  readonly [marker] = true;
  /** Stable machine-readable code, also used for CLI exit statuses. */
  readonly code: string = 'JUDGEKIT_ERROR';

  constructor({ message, cause }: JudgekitErrorOptions) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'JudgekitError';
  }

  /** True for any judgekit error, from any copy of this package. */
  static isInstance(error: unknown): error is JudgekitError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

/** Builds an `isInstance` check for an error class with the given `name`. */
export function hasErrorName(error: unknown, name: string): boolean {
  return JudgekitError.isInstance(error) && error.name === name;
}
