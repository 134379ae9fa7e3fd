// Loaded into every test worker and every process the tests spawn (NODE_OPTIONS, set by
// vitest.global-setup.ts). Tests never touch the internet: each connection attempted to a host other
// than loopback — fetch/undici connects, node:net sockets and their DNS lookups — is appended to the
// file JUDGEKIT_OFFLINE_LOG names, with the test file that was running (JUDGEKIT_TEST_FILE, set by
// vitest.offline-check.ts); that check fails the test file, and the global teardown prints the
// whole list. It records and does not block, so the failure names the file and process that tried.
import diagnostics from 'node:diagnostics_channel';
import { appendFileSync } from 'node:fs';

const LOG = process.env.JUDGEKIT_OFFLINE_LOG;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '::ffff:127.0.0.1', '0.0.0.0', '::']);

function record(host, how) {
  if (!LOG || host === undefined || host === null || LOOPBACK.has(String(host))) return;
  if (/^127\./.test(String(host))) return;
  const command = process.argv.slice(1).join(' ').slice(0, 300);
  const file = process.env.JUDGEKIT_TEST_FILE ?? '';
  appendFileSync(LOG, `${how} ${host} file=${file} (pid ${process.pid}: ${command})\n`);
}

diagnostics.subscribe('undici:client:beforeConnect', (message) => {
  record(message.connectParams?.hostname, 'fetch');
});
diagnostics.subscribe('net.client.socket', ({ socket }) => {
  socket.once('lookup', (_error, _address, _family, host) => record(host, 'dns lookup'));
  socket.once('connect', () => record(socket.remoteAddress, 'connect'));
});
