import type { IncomingMessage } from 'node:http';
import { ServiceRequestError } from './service-request-error.js';

/**
 * Reads a request body up to `maxBytes` within `timeoutMs`: more bytes is a 413, a client that
 * sends too slowly is a 408. The limit is checked as bytes arrive, so a large body is never held.
 */
export function readBody(request: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (error: Error | undefined, body?: Buffer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('aborted', onAborted);
      if (error) reject(error);
      else resolve(body!);
    };
    const timer = setTimeout(
      () =>
        finish(
          new ServiceRequestError({
            status: 408,
            reason: 'body_timeout',
            message: `the request body did not arrive within ${timeoutMs} ms`,
          }),
        ),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        finish(
          new ServiceRequestError({
            status: 413,
            reason: 'body_too_large',
            message: `the request body is larger than the limit of ${maxBytes} bytes`,
          }),
        );
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish(undefined, Buffer.concat(chunks, size));
    const onError = (error: Error) => finish(error);
    const onAborted = () => finish(new Error('the client closed the connection'));
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('aborted', onAborted);
  });
}
