/** The wire protocol a model call arrived on. */
export type WireKind = 'openai-chat' | 'openai-responses' | 'anthropic-messages';

/** One wire token with its log probability and alternatives, as OpenAI returns it. */
export interface WireTokenLogprob {
  token: string;
  logprob: number;
  top_logprobs?: { token: string; logprob: number }[];
}

/** A model answer. */
export interface ReplyStep {
  type: 'reply';
  /** The answer text, verbatim (for broken or schema-violating answers). */
  text?: string;
  /** The answer as JSON: sent as text, or as the tool input when the request forces a tool. */
  json?: unknown;
  /** Token logprobs to return when asked; default: the text split into tokens, each certain. */
  logprobs?: WireTokenLogprob[];
  /** Token counts to report; default: body characters / 4 in, answer characters / 4 out. */
  usage?: { input?: number; output?: number; cachedInput?: number; cacheWrite?: number };
  /** The model id to report; default the requested one. */
  model?: string;
  /** `length`: cut at the token limit; `refusal`: the text is a refusal. Default `stop`. */
  finishReason?: 'stop' | 'length' | 'refusal';
  delayMs?: number;
}

/** An HTTP error in the provider's error format. */
export interface ErrorStep {
  type: 'error';
  status: number;
  /** `retry-after` header value (seconds, or an HTTP date). */
  retryAfter?: string;
  /** `retry-after-ms` header value. */
  retryAfterMs?: number;
  message?: string;
  delayMs?: number;
}

/**
 * A transport fault: `hang` never answers (a timeout), `cut` destroys the connection,
 * `invalid-json` answers 200 with a body that is not JSON.
 */
export interface FaultStep {
  type: 'hang' | 'cut' | 'invalid-json';
  delayMs?: number;
}

/** What the server does with one model call. */
export type ScriptStep = ReplyStep | ErrorStep | FaultStep;

/** A model call as a handler sees it. */
export interface ModelCall {
  kind: WireKind;
  /** The request body, parsed. */
  body: Record<string, unknown>;
  model: string;
  /** The JSON Schema the request carries (response format, output config, forced tool, llama.cpp field). */
  schema: unknown;
  /** 0-based count of model calls so far (batch requests included). */
  index: number;
  /** Processed as part of a batch. */
  batch: boolean;
}

/** Decides the step for a call when the queue is empty. */
export type ModelCallHandler = (call: ModelCall) => ScriptStep | Promise<ScriptStep>;

/** One HTTP request as received: the exact body bytes (as UTF-8) and headers. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  /** `Date.now()` when the request was complete. */
  receivedAt: number;
}

export interface TestServerOptions {
  /**
   * Each synchronous model answer is sent this many milliseconds after its request arrived (the
   * server's own work on the request counts towards it), plus a step's `delayMs`; default 0.
   */
  latencyMs?: number;
  /** `immediate`: batches finish as soon as they are created; `manual`: on `completeBatches()`. */
  batchCompletion?: 'immediate' | 'manual';
  /** Accept only this key (as `x-api-key` or `authorization: Bearer`); default any non-empty key. */
  apiKey?: string;
  handler?: ModelCallHandler;
}

/** A local server speaking the OpenAI and Anthropic wire protocols for tests and benchmarks. */
export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Base URL for the OpenAI SDK (with `/v1`). */
  readonly openaiBaseURL: string;
  /** Base URL for the Anthropic SDK (without `/v1`). */
  readonly anthropicBaseURL: string;
  /** Every request received, in order. */
  readonly requests: readonly RecordedRequest[];
  /** Requests to the synchronous model endpoints (chat completions, responses, messages). */
  modelCalls(): RecordedRequest[];
  /** The most model calls that were in flight at once. */
  readonly maxConcurrent: number;
  latencyMs: number;
  /** Steps for the next model calls, in order; used before the handler. */
  enqueue(...steps: ScriptStep[]): void;
  /** Steps still queued. */
  readonly pending: number;
  /** Sets (or clears) the handler for calls when the queue is empty. */
  handle(handler: ModelCallHandler | undefined): void;
  /** Finishes every batch still in progress (`batchCompletion: 'manual'`). */
  completeBatches(): Promise<void>;
  /** Clears the queue, handler and recorded requests. */
  reset(): void;
  close(): Promise<void>;
}
