import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A pass-through HTTP proxy that can hold back the provider's answer to chosen requests. */
export interface GateProxy {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Requests whose answer is being held: they reached the target, the client has no answer. */
  readonly held: number;
  close(): Promise<void>;
}

/**
 * Starts a proxy to `target` that forwards every request byte for byte and, for those `hold`
 * picks, forwards the request (the provider acts on it) but never answers the client — the window
 * between a provider accepting a batch and the client recording it.
 */
export async function startGateProxy(
  target: string,
  hold: (method: string, path: string) => boolean,
): Promise<GateProxy> {
  const to = new URL(target);
  const heldResponses: ServerResponse[] = [];
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const method = incoming.method ?? 'GET';
    const path = incoming.url ?? '/';
    const keep = hold(method, path);
    const forward = request(
      { host: to.hostname, port: to.port, method, path, headers: { ...incoming.headers, host: to.host } },
      (answer) => {
        if (keep) {
          answer.resume();
          heldResponses.push(outgoing);
          return;
        }
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forward.on('error', () => outgoing.destroy());
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get held() {
      return heldResponses.length;
    },
    async close() {
      for (const response of heldResponses) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
