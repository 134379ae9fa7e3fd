import { JudgeCallError } from '../errors/judge-call-error.js';

/** The error for a 200 response whose body is not what the protocol promises; never cached. */
export function invalidResponse(provider: string, model: string, detail: string): JudgeCallError {
  return new JudgeCallError({ provider, model, failure: 'invalid-response', isRetryable: true, detail });
}
