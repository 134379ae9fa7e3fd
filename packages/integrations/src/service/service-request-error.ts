import { hasErrorName, JudgekitError } from '@judgekit/core';

const NAME = 'ServiceRequestError';

/** A request the grading service refuses: an HTTP status, a stable code and what to fix. */
export class ServiceRequestError extends JudgekitError {
  override readonly code = 'SERVICE_REQUEST';
  /** HTTP status, e.g. 400, 401, 408, 413, 503. */
  readonly status: number;
  /** Stable machine-readable reason, e.g. `invalid_json`, `unknown_grader`, `body_too_large`. */
  readonly reason: string;
  readonly path: string | undefined;
  readonly known: readonly string[] | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(options: {
    status: number;
    reason: string;
    message: string;
    path?: string;
    known?: readonly string[];
    headers?: Record<string, string>;
    cause?: unknown;
  }) {
    super({ message: options.message, cause: options.cause });
    this.name = NAME;
    this.status = options.status;
    this.reason = options.reason;
    this.path = options.path;
    this.known = options.known;
    this.headers = options.headers ?? {};
  }

  static override isInstance(error: unknown): error is ServiceRequestError {
    return hasErrorName(error, NAME);
  }
}
