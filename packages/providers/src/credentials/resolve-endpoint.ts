import { MissingAPIKeyError } from '../errors/missing-api-key-error.js';
import { ModelRefError } from '../errors/model-ref-error.js';
import { formatModelRef, type ModelRef } from '../model-ref/model-ref.js';
import { PROVIDER_ENVIRONMENT } from './provider-environment.js';

/** Placeholder key for local servers that accept any; not a secret. */
const NO_KEY = 'none';

/** Where and how to reach a provider. The key is read only when a call is actually made. */
export interface Endpoint {
  baseURL: string;
  /** Returns the API key, or throws `MissingAPIKeyError`; never stored beyond the SDK client. */
  apiKey(): string;
}

/**
 * Resolves the base URL now (an explicit option, else the provider's base-URL variable, else its
 * default) and the key lazily (the option, else the provider's key variable), so a run answered
 * entirely from cache needs no key.
 */
export function resolveEndpoint(
  ref: ModelRef,
  options: { apiKey?: string; baseURL?: string; env: Readonly<Record<string, string | undefined>> },
): Endpoint {
  const environment = PROVIDER_ENVIRONMENT[ref.provider];
  const baseURL = options.baseURL || options.env[environment.baseURLVariable] || environment.defaultBaseURL;
  if (!baseURL) {
    throw new ModelRefError({
      ref: formatModelRef(ref),
      reason: `an OpenAI-compatible server needs a base URL (with /v1): pass baseURL (--base-url) or set ${environment.baseURLVariable}`,
    });
  }
  return {
    baseURL,
    apiKey() {
      const key = options.apiKey || options.env[environment.keyVariable];
      if (key) return key;
      if (!environment.keyRequired) return NO_KEY;
      throw new MissingAPIKeyError({ provider: ref.provider, variable: environment.keyVariable });
    },
  };
}
