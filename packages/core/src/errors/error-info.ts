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

/** A zod issue as far as `issueToReport` reads it. */
interface IssueLike {
  code?: string;
  path: readonly PropertyKey[];
  message: string;
  expected?: string;
  errors?: readonly (readonly IssueLike[])[];
}

/**
 * The issue worth reporting, with its full path: an `invalid_union` issue ("Invalid input") is
 * replaced by the first issue of the one branch that got past the value's type (an inline object
 * that fails inside, not the string branch it is not), recursively; when no branch or several did,
 * the union issue stays.
 */
export function issueToReport(issue: IssueLike): { path: PropertyKey[]; message: string } {
  const path = [...issue.path];
  if (issue.code !== 'invalid_union' || !issue.errors) return { path, message: issue.message };
  const typed = issue.errors.filter(
    (branch) => !branch.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0),
  );
  if (typed.length === 0) {
    // no branch took the value's type: say which types would do ("expected string or array")
    const expected = [
      ...new Set(issue.errors.flatMap((branch) => branch.map((inner) => inner.expected).filter(Boolean))),
    ];
    const received = /, (received \S+)$/.exec(issue.errors[0]?.[0]?.message ?? '')?.[1];
    if (expected.length === 0) return { path, message: issue.message };
    return {
      path,
      message: `Invalid input: expected ${expected.join(' or ')}${received ? `, ${received}` : ''}`,
    };
  }
  const first = typed.length === 1 ? typed[0]![0] : undefined;
  if (!first) return { path, message: issue.message };
  const inner = issueToReport(first);
  return { path: [...path, ...inner.path], message: inner.message };
}
