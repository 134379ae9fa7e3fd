import type Anthropic from '@anthropic-ai/sdk';
import type OpenAI from 'openai';

/** What judgekit uses of the `openai` package. */
export interface OpenAISDK {
  OpenAI: typeof OpenAI;
  toFile: typeof import('openai').toFile;
  zodResponseFormat: typeof import('openai/helpers/zod').zodResponseFormat;
  zodTextFormat: typeof import('openai/helpers/zod').zodTextFormat;
}

/** What judgekit uses of the `@anthropic-ai/sdk` package. */
export interface AnthropicSDK {
  Anthropic: typeof Anthropic;
  zodOutputFormat: typeof import('@anthropic-ai/sdk/helpers/zod').zodOutputFormat;
}

let openai: OpenAISDK | undefined;
let anthropic: AnthropicSDK | undefined;
let openaiLoading: Promise<OpenAISDK> | undefined;
let anthropicLoading: Promise<AnthropicSDK> | undefined;

/**
 * Imports the official SDKs on first use, not when the package is: a process that never builds a
 * provider request (rule graders only, `judgekit report`, a run served from the cache) does not
 * load them. Together they cost about 25 MB of memory and 0.2–0.3 s of start-up.
 */
export function loadOpenAISDK(): Promise<OpenAISDK> {
  openaiLoading ??= Promise.all([import('openai'), import('openai/helpers/zod')]).then(([sdk, helpers]) => {
    openai = {
      OpenAI: sdk.default,
      toFile: sdk.toFile,
      zodResponseFormat: helpers.zodResponseFormat,
      zodTextFormat: helpers.zodTextFormat,
    };
    return openai;
  });
  return openaiLoading;
}

/** Like {@link loadOpenAISDK}, for Anthropic's SDK. */
export function loadAnthropicSDK(): Promise<AnthropicSDK> {
  anthropicLoading ??= Promise.all([
    import('@anthropic-ai/sdk'),
    import('@anthropic-ai/sdk/helpers/zod'),
  ]).then(([sdk, helpers]) => {
    anthropic = { Anthropic: sdk.default, zodOutputFormat: helpers.zodOutputFormat };
    return anthropic;
  });
  return anthropicLoading;
}

/** The SDKs loaded so far (an error can only come from an SDK that was loaded). */
export function loadedSDKs(): { openai: OpenAISDK | undefined; anthropic: AnthropicSDK | undefined } {
  return { openai, anthropic };
}

/** The OpenAI SDK, which `loadOpenAISDK()` must have loaded (a protocol's `load()` does). */
export function openaiSDK(): OpenAISDK {
  if (!openai) throw new Error('the OpenAI SDK is used before it was loaded (await protocol.load() first)');
  return openai;
}

/** The Anthropic SDK, which `loadAnthropicSDK()` must have loaded (a protocol's `load()` does). */
export function anthropicSDK(): AnthropicSDK {
  if (!anthropic) {
    throw new Error('the Anthropic SDK is used before it was loaded (await protocol.load() first)');
  }
  return anthropic;
}

/**
 * Imports both SDKs now rather than on a judge's first call: for a timing harness that keeps module
 * loading out of what it measures (as it does for other tools, which import their SDK up front), or
 * to fail early when one is missing.
 */
export async function preloadSDKs(): Promise<void> {
  await Promise.all([loadOpenAISDK(), loadAnthropicSDK()]);
}
