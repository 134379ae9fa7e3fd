import { Agent as HTTPAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HTTPSAgent, request as httpsRequest } from 'node:https';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/** Statuses `fetch` follows; such a response is handed to the global `fetch` to follow it. */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Statuses whose response has no body (`Response` refuses one). */
const NO_BODY = new Set([101, 204, 205, 304]);

/** The body of each response made here, as received (decompressed), read without its web stream. */
const RECEIVED_BODIES = new WeakMap<Response, Buffer>();

/**
 * The whole body of a response this module's `fetch` returned, or `undefined` for any other
 * response. Reading it costs less than `response.text()`, which goes through a web stream; the
 * response's own body is left unread.
 */
export function receivedBody(response: Response): Buffer | undefined {
  return RECEIVED_BODIES.get(response);
}

/**
 * A `fetch` for the OpenAI SDK client over `node:http(s)` with keep-alive agents, for JSON calls:
 * it costs a third of the CPU of Node's built-in `fetch` (undici and web streams) per call, which
 * is most of what a judge call costs its client. The whole body is read before the response is
 * returned. Requests it does not cover — a stream or form body (batch file uploads), a `Request`
 * object — and redirects go to the global `fetch`, which behaves as before.
 */
export function createNodeHTTPFetch(): typeof fetch {
  const agents = {
    'http:': new HTTPAgent({ keepAlive: true }),
    'https:': new HTTPSAgent({ keepAlive: true }),
  };
  return async (input, init = {}) => {
    const url = typeof input === 'string' ? new URL(input) : input instanceof URL ? input : undefined;
    const body = init.body;
    if (
      !url ||
      (url.protocol !== 'http:' && url.protocol !== 'https:') ||
      (body !== undefined && body !== null && typeof body !== 'string' && !(body instanceof Uint8Array))
    ) {
      return globalThis.fetch(input, init);
    }
    const response = await send(url, init, body ?? undefined, agents);
    return response ?? globalThis.fetch(input, init);
  };
}

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NODE_USE_ENV_PROXY'];

/**
 * {@link createNodeHTTPFetch}, or `undefined` (the SDK's default, the built-in `fetch`) when the
 * environment configures a proxy: Node's own `fetch` and global agents can honour it
 * (`NODE_USE_ENV_PROXY`), the keep-alive agents made here do not.
 */
export function nodeHTTPFetchUnlessProxied(
  env: Record<string, string | undefined> = process.env,
): typeof fetch | undefined {
  return PROXY_VARIABLES.some((name) => env[name]) ? undefined : createNodeHTTPFetch();
}

/** Sends one request; `undefined` for a redirect (left to the global `fetch`). */
function send(
  url: URL,
  init: RequestInit,
  body: string | Uint8Array | undefined,
  agents: { 'http:': HTTPAgent; 'https:': HTTPSAgent },
): Promise<Response | undefined> {
  const signal = init.signal ?? undefined;
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  const headers: Record<string, string> = {};
  for (const [name, value] of new Headers(init.headers)) headers[name] = value;
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const outgoing = request(
      url,
      { method: init.method ?? 'GET', headers, agent: agents[url.protocol as 'http:' | 'https:'] },
      (incoming) => {
        if (REDIRECTS.has(incoming.statusCode ?? 0) && incoming.headers.location) {
          incoming.resume();
          finish(() => resolve(undefined));
          return;
        }
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          finish(() => {
            try {
              resolve(toResponse(incoming, Buffer.concat(chunks)));
            } catch (error) {
              reject(error);
            }
          }),
        );
        // as with `fetch`, a body cut after the headers fails when the body is read, not the call
        incoming.on('error', (error) => finish(() => resolve(failingBodyResponse(incoming, error))));
        incoming.on('close', () => {
          if (!incoming.complete) finish(() => resolve(failingBodyResponse(incoming, new Error('aborted'))));
        });
      },
    );
    const onAbort = () => {
      const reason = abortReason(signal!);
      outgoing.destroy();
      finish(() => reject(reason));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    outgoing.on('error', (error) => finish(() => reject(new TypeError('fetch failed', { cause: error }))));
    outgoing.end(body);
  });
}

function toResponse(incoming: IncomingMessage, raw: Buffer): Response {
  const status = incoming.statusCode ?? 0;
  const headers = responseHeaders(incoming);
  const encoding = headers.get('content-encoding')?.trim().toLowerCase();
  let content: Buffer = raw;
  if (raw.length > 0 && encoding) {
    if (encoding === 'gzip' || encoding === 'x-gzip') content = gunzipSync(raw);
    else if (encoding === 'deflate') content = inflateSync(raw);
    else if (encoding === 'br') content = brotliDecompressSync(raw);
    if (content !== raw) {
      headers.delete('content-encoding');
      headers.delete('content-length');
    }
  }
  const response = new Response(NO_BODY.has(status) ? null : content, {
    status,
    statusText: incoming.statusMessage ?? '',
    headers,
  });
  if (!NO_BODY.has(status)) RECEIVED_BODIES.set(response, content);
  return response;
}

/** A response whose body fails when read, as `fetch` gives when the connection drops mid-body. */
function failingBodyResponse(incoming: IncomingMessage, cause: unknown): Response {
  const status = incoming.statusCode ?? 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.error(new TypeError('terminated', { cause }));
    },
  });
  return new Response(NO_BODY.has(status) ? null : body, {
    status,
    statusText: incoming.statusMessage ?? '',
    headers: responseHeaders(incoming),
  });
}

function responseHeaders(incoming: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) headers.append(raw[index]!, raw[index + 1]!);
  return headers;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}
