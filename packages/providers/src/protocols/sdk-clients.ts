import type Anthropic from '@anthropic-ai/sdk';
import type OpenAI from 'openai';
import type { Endpoint } from '../credentials/resolve-endpoint.js';
import { nodeHTTPFetchUnlessProxied } from './node-http-fetch.js';
import { loadAnthropicSDK, loadOpenAISDK } from './sdk-modules.js';

/** Transport settings handed to the SDK clients: their own retries and per-attempt timeout. */
export interface TransportSettings {
  timeoutMs: number;
  maxRetries: number;
}

/**
 * An OpenAI SDK client with the key and base URL passed explicitly (nothing read from the
 * environment behind our back) and logging off: the library never prints. Its calls go over
 * `node:http` ({@link nodeHTTPFetchUnlessProxied}), not the built-in `fetch`, which costs three times
 * the CPU — unless a proxy is configured in the environment. The SDK is imported on first use.
 */
export async function createOpenAIClient(endpoint: Endpoint, transport: TransportSettings): Promise<OpenAI> {
  const { OpenAI } = await loadOpenAISDK();
  const fetch = nodeHTTPFetchUnlessProxied();
  return new OpenAI({
    apiKey: endpoint.apiKey(),
    baseURL: endpoint.baseURL,
    organization: null,
    project: null,
    timeout: transport.timeoutMs,
    maxRetries: transport.maxRetries,
    logLevel: 'off',
    ...(fetch ? { fetch } : {}),
  });
}

/** An Anthropic SDK client with the key and base URL passed explicitly and logging off. */
export async function createAnthropicClient(
  endpoint: Endpoint,
  transport: TransportSettings,
): Promise<Anthropic> {
  const { Anthropic } = await loadAnthropicSDK();
  return new Anthropic({
    apiKey: endpoint.apiKey(),
    baseURL: endpoint.baseURL,
    timeout: transport.timeoutMs,
    maxRetries: transport.maxRetries,
    logLevel: 'off',
  });
}

/** Creates a value on first use and keeps it (SDK clients are made only when a call is needed). */
export function lazy<T>(create: () => T): () => T {
  let value: { current: T } | undefined;
  return () => {
    value ??= { current: create() };
    return value.current;
  };
}
