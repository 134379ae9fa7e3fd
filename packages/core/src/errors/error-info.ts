import type { ErrorInfo } from '../schemas/error-info.js';
import { JudgekitError } from './judgekit-error.js';

/** Turns anything thrown into the `error` record stored on a verdict or finding. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof Error) {
    const info: ErrorInfo = { name: error.name, message: error.message };
    const code = JudgekitError.isInstance(error) ? error.code : (error as { code?: unknown }).code;
    if (typeof code === 'string') info.code = code;
    const retryable = (error as { isRetryable?: unknown }).isRetryable;
    if (typeof retryable === 'boolean') info.retryable = retryable;
    return info;
  }
  return { name: 'Error', message: String(error) };
}

/** Formats a zod issue path as `a.b.3.c`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.map((key) => String(key)).join('.');
}
