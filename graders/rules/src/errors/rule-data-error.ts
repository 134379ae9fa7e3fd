import { JudgekitError } from '@judgekit/core';

const NAME = 'RuleDataError';

/** A rule pack or an eval-awareness lexicon (a file or inline options) is invalid. */
export class RuleDataError extends JudgekitError {
  override readonly code = 'RULE_DATA';
  /** `rule pack` or `lexicon`. */
  readonly kind: 'rule pack' | 'lexicon';
  /** The file it was read from, or `options` when it came inline. */
  readonly source: string;
  /** The offending field, e.g. `rules.3.match.arguments.0.regex`. */
  readonly path: string;
  readonly reason: string;

  constructor(options: {
    kind: 'rule pack' | 'lexicon';
    source: string;
    path?: string;
    reason: string;
    cause?: unknown;
  }) {
    const field = options.path ? ` at ${options.path}` : '';
    super({
      message: `invalid ${options.kind} (${options.source})${field}: ${options.reason}`,
      cause: options.cause,
    });
    this.name = NAME;
    this.kind = options.kind;
    this.source = options.source;
    this.path = options.path ?? '';
    this.reason = options.reason;
  }

  /** True for a `RuleDataError` from any copy of this package. */
  static override isInstance(error: unknown): error is RuleDataError {
    return JudgekitError.isInstance(error) && error.name === NAME;
  }
}
