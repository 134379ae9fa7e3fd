import { takeBody } from './node-http-fetch.js';
import type { SentResponse } from './wire-protocol.js';

/**
 * Reads a response the OpenAI SDK handed over unparsed (`.asResponse()`, after its status checks
 * and retries) as the SDK itself parses one — `null` for a 204, `undefined` for an empty JSON body,
 * the text when the body is not JSON — and keeps the JSON text, which the response cache then
 * stores as received instead of serializing the parsed body again. The body comes from the node:http
 * fetch when it kept it aside (`HAND_OVER_BODY`), else from the `Response`.
 */
export async function readSDKResponse(response: Response): Promise<SentResponse> {
  const handedOver = takeBody(response);
  const text = async () => (handedOver ? decodeBody(handedOver) : await response.text());
  if (response.status === 204) return { response: null };
  const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim();
  const isJSON = mediaType?.includes('application/json') || mediaType?.endsWith('+json');
  if (!isJSON) return { response: await text() };
  if (response.headers.get('content-length') === '0') return { response: undefined };
  const json = await text();
  return { response: JSON.parse(json), responseJSON: json };
}

/** A body decoded as `Response.text()` decodes one: UTF-8, a leading byte order mark dropped. */
function decodeBody(body: Buffer): string {
  const text = body.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
