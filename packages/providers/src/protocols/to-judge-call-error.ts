import { redactSecret } from '../credentials/redact-secret.js';
import { JudgeCallError, type JudgeCallFailure } from '../errors/judge-call-error.js';
import { loadedSDKs } from './sdk-modules.js';

/** The error classes both SDKs export as statics of their client class. */
type ErrorClass = abstract new (...args: never[]) => unknown;
interface SDKErrorClasses {
  APIUserAbortError: ErrorClass;
  APIConnectionTimeoutError: ErrorClass;
  APIConnectionError: ErrorClass;
  APIError: ErrorClass;
}

/** Who was called, for the error; `secret` is scrubbed from any message. */
export interface CallContext {
  provider: string;
  model: string;
  secret: string | undefined;
}

/**
 * Turns what an SDK throws (after its own retries) into a `JudgeCallError`. Retryable: timeouts,
 * connection failures, 408/409/429/5xx and unreadable bodies; not: other 4xx and aborts.
 */
export function toJudgeCallError(error: unknown, context: CallContext): JudgeCallError {
  if (JudgeCallError.isInstance(error)) return error;
  const detail = redactSecret(error instanceof Error ? error.message : String(error), context.secret);
  const make = (failure: JudgeCallFailure, isRetryable: boolean, status?: number) =>
    new JudgeCallError({
      provider: context.provider,
      model: context.model,
      failure,
      isRetryable,
      detail,
      cause: error,
      ...(status === undefined ? {} : { status }),
    });
  // an SDK's error can only come from an SDK that was loaded
  const { openai, anthropic } = loadedSDKs();
  const sdks: SDKErrorClasses[] = [];
  if (openai) sdks.push(openai.OpenAI);
  if (anthropic) sdks.push(anthropic.Anthropic);
  const isA = (name: keyof SDKErrorClasses) => sdks.some((sdk) => error instanceof sdk[name]);
  if (isA('APIUserAbortError')) return make('aborted', false);
  if (isA('APIConnectionTimeoutError')) return make('timeout', true);
  if (isA('APIConnectionError')) return make('connection', true);
  if (isA('APIError')) {
    const status = (error as { status?: unknown }).status;
    if (typeof status !== 'number') return make('connection', true);
    return make(failureOf(status), isRetryableStatus(status), status);
  }
  return make('invalid-response', true);
}

/** The failure an HTTP status stands for. */
function failureOf(status: number): JudgeCallFailure {
  if (status === 401 || status === 403) return 'auth';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate-limit';
  if (status >= 500 || status === 409) return 'server';
  return 'request';
}

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}
