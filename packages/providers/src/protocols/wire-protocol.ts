import type { TokenCounts } from '../cost/call-cost.js';
import type { JudgeRequest } from '../judge/judge-model.js';
import type { ReasoningEffort, StructuredOutputMode } from '../judge/judge-settings.js';
import type { TokenLogprob } from '../logprobs/token-logprob.js';

/** The settings a protocol builds request bodies from, with defaults applied. */
export interface CallSettings {
  temperature: number | null;
  maxOutputTokens: number;
  topLogprobs: number;
  structuredOutput: StructuredOutputMode;
  thinkingBudgetTokens: number | undefined;
  reasoningEffort: ReasoningEffort | undefined;
}

/** What the judge layer needs from one provider response. */
export interface WireAnswer {
  /** The answer text (for forced tool use: the tool input as JSON). */
  text: string;
  /** The model id the provider reported. */
  model: string;
  finishReason: string | undefined;
  tokens: TokenCounts;
  tokenLogprobs: TokenLogprob[] | undefined;
}

/** A response body as received: parsed, and its JSON text when the protocol kept it. */
export interface SentResponse {
  response: unknown;
  /** The body's JSON text as received: the cache stores it as is instead of serializing `response` again. */
  responseJSON?: string;
}

/** A request body as sent to the provider (JSON). */
export type WireBody = Record<string, unknown>;

/** One provider wire protocol: builds bodies, sends them through the official SDK, reads answers. */
export interface WireProtocol {
  readonly name: 'openai-chat' | 'openai-responses' | 'anthropic-messages';
  readonly supportsLogprobs: boolean;
  /**
   * Imports the protocol's SDK (once per process); `buildBody` and `send` need it. `judge/build-body`
   * awaits it before every first-call body.
   */
  load(): Promise<void>;
  /** The body of the first call. Deterministic: equal requests give byte-equal bodies. */
  buildBody(request: JudgeRequest<unknown>): WireBody;
  /** The body of the repair call: the conversation so far, the bad answer, and what was wrong. */
  buildRepairBody(body: WireBody, raw: string, reason: string): WireBody;
  /** Sends through the SDK; throws `JudgeCallError`. Returns the response body. */
  send(body: WireBody, signal: AbortSignal | undefined): Promise<SentResponse>;
  /** Reads a response body; throws `JudgeCallError` (`invalid-response`) if it is not one. */
  readAnswer(response: unknown): WireAnswer;
}
