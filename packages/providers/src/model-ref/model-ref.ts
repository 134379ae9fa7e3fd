import { ModelRefError } from '../errors/model-ref-error.js';

/** The providers a judge model can be named with, as the part before the first `:`. */
export const PROVIDERS = ['openai', 'openai-responses', 'anthropic', 'compatible'] as const;

/**
 * - `openai`: OpenAI Chat Completions (`json_schema` strict output, logprobs).
 * - `openai-responses`: OpenAI Responses API, for reasoning models (`reasoning.effort`).
 * - `anthropic`: Anthropic Messages API (native structured output or forced tool use).
 * - `compatible`: any OpenAI-compatible server (vLLM, Ollama, llama.cpp, LiteLLM) at a `baseURL`.
 */
export type ProviderId = (typeof PROVIDERS)[number];

/** A parsed judge model name. */
export interface ModelRef {
  provider: ProviderId;
  /** The model id sent to the provider; may itself contain `:` (Ollama tags: `qwen3:8b`). */
  model: string;
  /** `replay:` prefix: answer only from recorded responses, never call the provider. */
  replay: boolean;
}

const REPLAY_PREFIX = 'replay:';

/**
 * Parses `provider:model` (e.g. `openai:gpt-4.1-mini`, `anthropic:claude-sonnet-4-5`,
 * `compatible:qwen3:8b`), optionally prefixed with `replay:`. Throws `ModelRefError` with the
 * accepted forms when the name cannot be used.
 */
export function parseModelRef(ref: string): ModelRef {
  const trimmed = ref.trim();
  const replay = trimmed.startsWith(REPLAY_PREFIX);
  const rest = replay ? trimmed.slice(REPLAY_PREFIX.length) : trimmed;
  const colon = rest.indexOf(':');
  if (colon < 0) {
    throw new ModelRefError({
      ref,
      reason: `expected "provider:model" with provider one of ${PROVIDERS.join(', ')} (e.g. "openai:gpt-4.1-mini")`,
    });
  }
  const provider = rest.slice(0, colon);
  const model = rest.slice(colon + 1);
  if (!isProviderId(provider)) {
    const hint = provider === 'replay' ? ' ("replay:" may appear once, before the provider)' : '';
    throw new ModelRefError({
      ref,
      reason: `unknown provider "${provider}"${hint}; known providers: ${PROVIDERS.join(', ')}`,
    });
  }
  if (model.length === 0 || /\s/.test(model)) {
    throw new ModelRefError({ ref, reason: 'the model id after the provider is empty or contains spaces' });
  }
  return { provider, model, replay };
}

/** Formats a model ref back into its `provider:model` name (with `replay:` when set). */
export function formatModelRef(ref: ModelRef): string {
  return `${ref.replay ? REPLAY_PREFIX : ''}${ref.provider}:${ref.model}`;
}

function isProviderId(value: string): value is ProviderId {
  return (PROVIDERS as readonly string[]).includes(value);
}
