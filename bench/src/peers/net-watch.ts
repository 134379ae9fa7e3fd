import diagnostics from 'node:diagnostics_channel';
import type { Socket } from 'node:net';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1', 'localhost']);

/**
 * Records every outbound connection this process attempts (fetch/undici connects, node:net sockets
 * and their DNS lookups), so a run can show that a tool reached nothing but the local server.
 * The returned function lists the hosts tried other than loopback.
 */
export function watchOutboundConnections(): () => string[] {
  const hosts = new Set<string>();
  diagnostics.subscribe('undici:client:beforeConnect', (message) => {
    hosts.add(String((message as { connectParams: { hostname: string } }).connectParams.hostname));
  });
  diagnostics.subscribe('net.client.socket', (message) => {
    const { socket } = message as { socket: Socket };
    socket.once('lookup', (_error: unknown, _address: unknown, _family: unknown, host: string) =>
      hosts.add(host),
    );
    socket.once('connect', () => hosts.add(String(socket.remoteAddress)));
  });
  return () => [...hosts].filter((host) => !LOOPBACK.has(host));
}
