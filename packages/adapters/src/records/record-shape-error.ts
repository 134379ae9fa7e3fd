import { formatIssuePath, JudgekitError } from '@judgekit/core';

const NAME = 'RecordShapeError';

/**
 * A source record lacks what a mapper needs. Internal: readers turn it into an
 * `InvalidTranscriptError` item, never let it escape.
 */
export class RecordShapeError extends JudgekitError {
  override readonly code = 'RECORD_SHAPE';
  /** Path inside the source record, e.g. `messages.3.tool_calls.0.id`. */
  readonly path: string;
  readonly reason: string;

  constructor(options: { path: readonly PropertyKey[]; reason: string; cause?: unknown }) {
    const path = formatIssuePath(options.path);
    super({ message: `${path ? `${path}: ` : ''}${options.reason}`, cause: options.cause });
    this.name = NAME;
    this.path = path;
    this.reason = options.reason;
  }

  static override isInstance(error: unknown): error is RecordShapeError {
    return JudgekitError.isInstance(error) && error.name === NAME;
  }
}
