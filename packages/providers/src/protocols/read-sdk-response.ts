import { receivedBody } from './node-http-fetch.js';
import type { SentResponse } from './wire-protocol.js';

const UTF8 = new TextDecoder();

/**
 * Reads a response the OpenAI SDK handed over unparsed (`.asResponse()`, after its status checks
 * and retries) as the SDK itself parses one — `null` for a 204, `undefined` for an empty JSON body,
 * the text when the body is not JSON — and keeps the JSON text, which the response cache then
 * stores as received instead of serializing the parsed body again. A response from judgekit's
 * `node:http` fetch is read from the bytes it received, decoded as `text()` would (UTF-8, a leading
 * byte-order mark dropped).
 */
export async function readSDKResponse(response: Response): Promise<SentResponse> {
  if (response.status === 204) return { response: null };
  const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim();
  const isJSON = mediaType?.includes('application/json') || mediaType?.endsWith('+json');
  const received = receivedBody(response);
  const text = received ? UTF8.decode(received) : await response.text();
  if (!isJSON) return { response: text };
  if (response.headers.get('content-length') === '0') return { response: undefined };
  return { response: JSON.parse(text), responseJSON: text };
}
