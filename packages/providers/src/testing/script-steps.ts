import type { ErrorStep, FaultStep, ReplyStep } from './test-server-types.js';

/** A model answer whose content is `json` (as text, or as the forced tool's input). */
export function reply(json: unknown, options: Omit<ReplyStep, 'type' | 'json' | 'text'> = {}): ReplyStep {
  return { type: 'reply', json, ...options };
}

/** A model answer with this exact text (invalid JSON, prose, a schema violation). */
export function replyText(text: string, options: Omit<ReplyStep, 'type' | 'json' | 'text'> = {}): ReplyStep {
  return { type: 'reply', text, ...options };
}

/** An HTTP error (429, 500, ...) in the provider's error format. */
export function httpError(status: number, options: Omit<ErrorStep, 'type' | 'status'> = {}): ErrorStep {
  return { type: 'error', status, ...options };
}

/** No answer at all until the client gives up (or the server closes). */
export function hang(): FaultStep {
  return { type: 'hang' };
}

/** The connection is destroyed after the request is read. */
export function cutConnection(): FaultStep {
  return { type: 'cut' };
}

/** HTTP 200 with a body that is not JSON. */
export function invalidJSON(): FaultStep {
  return { type: 'invalid-json' };
}
