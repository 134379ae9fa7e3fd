import { cacheKey, cacheKeyOfCanonicalBody } from '../cache/cache-key.js';
import { canonicalJSON } from '../cache/canonical-json.js';
import { type ResponseStore, STORED_RESPONSE_FORMAT, type StoredResponse } from '../cache/response-store.js';
import { ReplayMissError } from '../errors/replay-miss-error.js';
import type { RateLimiter } from '../limits/rate-limiter.js';
import { formatModelRef, type ModelRef } from '../model-ref/model-ref.js';
import type { WireAnswer, WireBody, WireProtocol } from '../protocols/wire-protocol.js';

/** One provider call as the judge layer saw it. */
export interface Exchange {
  answer: WireAnswer;
  key: string;
  /** Served from the cache, a recording, or a concurrent identical call: nothing was paid now. */
  cached: boolean;
}

/** Where responses are read from and written to. */
export interface ExchangeStores {
  /** The response cache; `undefined` when caching is off. */
  cache: ResponseStore | undefined;
  /** Every response (fresh or cached) is also written here, to replay later. */
  record: ResponseStore | undefined;
  /** Replay: answer only from here, never call the provider. */
  replay: ResponseStore | undefined;
}

/**
 * Makes provider calls through the cache: a call whose content address is stored costs nothing;
 * a fresh response is validated as a response and written to the cache at once (before the
 * answer is even checked against the schema), so a killed run never pays for it twice.
 */
export class ResponseExchange {
  private readonly inFlight = new Map<string, Promise<WireAnswer>>();
  private readonly refName: string;

  constructor(
    private readonly ref: ModelRef,
    private readonly protocol: WireProtocol,
    private readonly stores: ExchangeStores,
    private readonly limiter: RateLimiter,
  ) {
    this.refName = formatModelRef({ ...ref, replay: false });
  }

  /** The content address of a body. */
  keyOf(body: WireBody, sample: number): string {
    return cacheKey({ provider: this.ref.provider, body, sample });
  }

  /** Calls (or answers from store) one body; `notes` collects non-fatal problems (a failed cache write). */
  async call(
    body: WireBody,
    sample: number,
    signal: AbortSignal | undefined,
    notes: string[],
  ): Promise<Exchange> {
    // serialized once: the key hashes it, and its length (that of the body's JSON) is the token estimate
    const canonicalBody = canonicalJSON(body);
    const key = cacheKeyOfCanonicalBody({ provider: this.ref.provider, canonicalBody, sample });
    const source = this.stores.replay ?? this.stores.cache;
    const stored = await source?.get(key);
    if (stored) {
      if (!this.stores.replay) await this.write(this.stores.record, stored, notes);
      return { answer: this.protocol.readAnswer(stored.response), key, cached: true };
    }
    if (this.stores.replay) {
      throw new ReplayMissError({ ref: this.refName, key, dir: this.stores.replay.dir });
    }
    const pending = this.inFlight.get(key);
    if (pending) return { answer: await pending, key, cached: true };
    const fresh = this.fetch(body, key, estimateTokens(body, canonicalBody.length), signal, notes);
    this.inFlight.set(key, fresh);
    try {
      return { answer: await fresh, key, cached: false };
    } finally {
      this.inFlight.delete(key);
    }
  }

  /** Stores a response obtained elsewhere (a batch result) under its key. */
  async storeResponse(key: string, response: unknown, batch: boolean): Promise<WireAnswer> {
    const answer = this.protocol.readAnswer(response);
    const entry = this.entry(key, response, batch);
    if (this.stores.cache) await this.stores.cache.put(entry);
    if (this.stores.record) await this.stores.record.put(entry);
    return answer;
  }

  private async fetch(
    body: WireBody,
    key: string,
    estimatedTokens: number,
    signal: AbortSignal | undefined,
    notes: string[],
  ) {
    // the limiter's slot is held for the provider call only: the next call may start while this
    // response is written
    const { answer, response, responseJSON } = await this.limiter.run(estimatedTokens, async () => {
      const { response, responseJSON } = await this.protocol.send(body, signal);
      const answer = this.protocol.readAnswer(response);
      return {
        result: { answer, response, responseJSON },
        tokens: answer.tokens.input + answer.tokens.output,
      };
    });
    const entry = this.entry(key, response, false);
    await this.write(this.stores.cache, entry, notes, responseJSON);
    await this.write(this.stores.record, entry, notes, responseJSON);
    return answer;
  }

  private entry(key: string, response: unknown, batch: boolean): StoredResponse {
    return {
      format: STORED_RESPONSE_FORMAT,
      key,
      ref: this.refName,
      response,
      receivedAt: new Date().toISOString(),
      batch,
    };
  }

  private async write(
    store: ResponseStore | undefined,
    entry: StoredResponse,
    notes: string[],
    responseJSON?: string,
  ) {
    if (!store) return;
    try {
      await store.put(entry, responseJSON);
    } catch (error) {
      notes.push(
        `could not write the response to ${store.dir}: ${error instanceof Error ? error.message : error}`,
      );
    }
  }
}

/**
 * Tokens a call may use, for the tokens-per-minute limit: prompt characters / 4 plus the output
 * limit (providers reserve the output limit the same way).
 * @param jsonLength characters of the body as JSON, when the caller has serialized it already
 *   (its canonical JSON has the same length: only the key order differs)
 */
export function estimateTokens(body: WireBody, jsonLength: number = JSON.stringify(body).length): number {
  const outputLimit = [body.max_tokens, body.max_completion_tokens, body.max_output_tokens].find(
    (value): value is number => typeof value === 'number',
  );
  return Math.ceil(jsonLength / 4) + (outputLimit ?? 0);
}
