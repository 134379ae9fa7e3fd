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

/** A module imported on its first `load()` (once), then also readable synchronously with `loaded()`. */
function importedOnce<T>(name: string, load: () => Promise<T>) {
  let value: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    load: (): Promise<T> => {
      loading ??= load().then((module) => {
        value = module;
        return module;
      });
      return loading;
    },
    loaded: (): T | undefined => value,
    /** The module, which `load()` must have loaded (a protocol's `load()` does). */
    get: (): T => {
      if (value === undefined)
        throw new Error(`the ${name} is used before it was loaded (await protocol.load() first)`);
      return value;
    },
  };
}

/**
 * The official SDKs, imported on first use, not when the package is: a process that never builds a
 * provider request (rule graders only, `judgekit report`, a run served from the cache) does not
 * load them. Together they cost about 25 MB of memory and 0.2–0.3 s of start-up.
 */
const openai = importedOnce('OpenAI SDK', async (): Promise<OpenAISDK> => {
  const [sdk, helpers] = await Promise.all([import('openai'), import('openai/helpers/zod')]);
  return {
    OpenAI: sdk.default,
    toFile: sdk.toFile,
    zodResponseFormat: helpers.zodResponseFormat,
    zodTextFormat: helpers.zodTextFormat,
  };
});
const anthropic = importedOnce('Anthropic SDK', async (): Promise<AnthropicSDK> => {
  const [sdk, helpers] = await Promise.all([
    import('@anthropic-ai/sdk'),
    import('@anthropic-ai/sdk/helpers/zod'),
  ]);
  return { Anthropic: sdk.default, zodOutputFormat: helpers.zodOutputFormat };
});

export const loadOpenAISDK = openai.load;
export const loadAnthropicSDK = anthropic.load;
export const openaiSDK = openai.get;
export const anthropicSDK = anthropic.get;

/** The SDKs loaded so far (an error can only come from an SDK that was loaded). */
export function loadedSDKs(): { openai: OpenAISDK | undefined; anthropic: AnthropicSDK | undefined } {
  return { openai: openai.loaded(), anthropic: anthropic.loaded() };
}

/**
 * Imports both SDKs now rather than on a judge's first call: for a timing harness that keeps module
 * loading out of what it measures (as it does for other tools, which import their SDK up front), or
 * to fail early when one is missing.
 */
export async function preloadSDKs(): Promise<void> {
  await Promise.all([loadOpenAISDK(), loadAnthropicSDK()]);
}
