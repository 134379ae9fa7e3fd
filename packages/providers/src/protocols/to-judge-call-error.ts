import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { redactSecret } from '../credentials/redact-secret.js';
import { JudgeCallError, type JudgeCallFailure } from '../errors/judge-call-error.js';

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
  if (error instanceof OpenAI.APIUserAbortError || error instanceof Anthropic.APIUserAbortError) {
    return make('aborted', false);
  }
  if (
    error instanceof OpenAI.APIConnectionTimeoutError ||
    error instanceof Anthropic.APIConnectionTimeoutError
  ) {
    return make('timeout', true);
  }
  if (error instanceof OpenAI.APIConnectionError || error instanceof Anthropic.APIConnectionError) {
    return make('connection', true);
  }
  if (error instanceof OpenAI.APIError || error instanceof Anthropic.APIError) {
    const status = typeof error.status === 'number' ? error.status : undefined;
    if (status === undefined) return make('connection', true);
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
