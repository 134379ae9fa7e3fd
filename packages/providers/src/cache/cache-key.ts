import { createHash } from 'node:crypto';
import type { ProviderId } from '../model-ref/model-ref.js';
import { canonicalJSON } from './canonical-json.js';

/** Bump when the key derivation changes: old entries then simply stop matching. */
export const CACHE_KEY_VERSION = 'judgekit.cache-key/v1';

/**
 * The content address of one provider call: sha256 over the provider, the exact request body
 * (model, parameters, prompt, schema) and the sample index. Credentials and base URLs are not
 * part of it — they are not in the body — so a recording made against the real API replays
 * offline, and no key can leak into a cache file name.
 */
export function cacheKey(parts: { provider: ProviderId; body: unknown; sample: number }): string {
  const text = canonicalJSON({
    version: CACHE_KEY_VERSION,
    provider: parts.provider,
    sample: parts.sample,
    body: parts.body,
  });
  return createHash('sha256').update(text).digest('hex');
}

/**
 * {@link cacheKey} of a body whose canonical JSON (`canonicalJSON(body)`) the caller already has:
 * the same hash over the same bytes (the wrapper's keys `body`, `provider`, `sample`, `version`
 * are already in sorted order), without serializing the body a second time.
 */
export function cacheKeyOfCanonicalBody(parts: {
  provider: ProviderId;
  canonicalBody: string;
  sample: number;
}): string {
  const rest = `,"provider":${JSON.stringify(parts.provider)},"sample":${JSON.stringify(parts.sample)},"version":${JSON.stringify(CACHE_KEY_VERSION)}}`;
  return createHash('sha256').update('{"body":').update(parts.canonicalBody).update(rest).digest('hex');
}
