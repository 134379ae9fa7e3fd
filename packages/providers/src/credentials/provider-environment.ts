import type { ProviderId } from '../model-ref/model-ref.js';

/** Where a provider's key and base URL come from. */
export interface ProviderEnvironment {
  /** Environment variable holding the API key. */
  keyVariable: string;
  /** Environment variable overriding the base URL. */
  baseURLVariable: string;
  /** Base URL when neither the option nor the variable is set; none for `compatible`. */
  defaultBaseURL: string | undefined;
  /** Hosted providers refuse calls without a key; local servers usually take any. */
  keyRequired: boolean;
}

/** The environment variables each provider reads. */
export const PROVIDER_ENVIRONMENT: Readonly<Record<ProviderId, ProviderEnvironment>> = {
  openai: {
    keyVariable: 'OPENAI_API_KEY',
    baseURLVariable: 'OPENAI_BASE_URL',
    defaultBaseURL: 'https://api.openai.com/v1',
    keyRequired: true,
  },
  'openai-responses': {
    keyVariable: 'OPENAI_API_KEY',
    baseURLVariable: 'OPENAI_BASE_URL',
    defaultBaseURL: 'https://api.openai.com/v1',
    keyRequired: true,
  },
  anthropic: {
    keyVariable: 'ANTHROPIC_API_KEY',
    baseURLVariable: 'ANTHROPIC_BASE_URL',
    defaultBaseURL: 'https://api.anthropic.com',
    keyRequired: true,
  },
  compatible: {
    keyVariable: 'JUDGEKIT_COMPATIBLE_API_KEY',
    baseURLVariable: 'JUDGEKIT_COMPATIBLE_BASE_URL',
    defaultBaseURL: undefined,
    keyRequired: false,
  },
};
