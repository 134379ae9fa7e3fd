import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNodeHTTPFetch, nodeHTTPFetchUnlessProxied } from '../src/protocols/node-http-fetch.js';

describe('the node:http fetch of the OpenAI client', () => {
  let server: Server;
  let base: string;
  let connections: number;
  beforeEach(async () => {
    connections = 0;
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const sent = Buffer.concat(chunks).toString('utf8');
        if (request.url === '/echo') {
          response.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'req_1' });
          response.end(JSON.stringify({ method: request.method, sent, auth: request.headers.authorization }));
        } else if (request.url === '/gzip') {
          response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
          response.end(gzipSync(JSON.stringify({ zipped: true })));
        } else if (request.url === '/moved') {
          response.writeHead(307, { location: '/echo' });
          response.end();
        } else if (request.url === '/cut') {
          response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
          response.write('{"partial":');
          setTimeout(() => request.socket.destroy(), 20);
        } else if (request.url === '/empty') {
          response.writeHead(204);
          response.end();
        }
      });
    });
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the method, headers and body, returns status, headers and body, and keeps connections alive', async () => {
    const fetch = createNodeHTTPFetch();
    const init = { method: 'POST', headers: { authorization: 'Bearer sk-x' }, body: '{"é":1}' };
    for (let call = 0; call < 3; call++) {
      const response = await fetch(`${base}/echo`, init);
      expect(response.status).toBe(201);
      expect(response.headers.get('x-request-id')).toBe('req_1');
      expect(await response.json()).toEqual({ method: 'POST', sent: '{"é":1}', auth: 'Bearer sk-x' });
    }
    expect(connections).toBe(1);
  });

  it('decodes a gzip body, and gives a 204 without one', async () => {
    const fetch = createNodeHTTPFetch();
    const zipped = await fetch(`${base}/gzip`);
    expect(zipped.headers.has('content-encoding')).toBe(false);
    expect(await zipped.json()).toEqual({ zipped: true });
    const empty = await fetch(`${base}/empty`, { method: 'DELETE' });
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
  });

  it('follows a redirect as fetch does', async () => {
    const response = await createNodeHTTPFetch()(`${base}/moved`, { method: 'POST', body: 'again' });
    expect(await response.json()).toMatchObject({ method: 'POST', sent: 'again' });
  });

  it('fails like fetch: a refused connection rejects, a body cut after the headers fails when read', async () => {
    const fetch = createNodeHTTPFetch();
    const cut = await fetch(`${base}/cut`);
    expect(cut.status).toBe(200);
    await expect(cut.json()).rejects.toThrow(TypeError);
    const closed = `${base}/echo`;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await expect(fetch(closed)).rejects.toThrow(/fetch failed/);
    server.listen(0, '127.0.0.1');
  });

  it('rejects with an AbortError when its signal aborts, before or during the call', async () => {
    const fetch = createNodeHTTPFetch();
    const early = new AbortController();
    early.abort();
    await expect(fetch(`${base}/echo`, { signal: early.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    const late = new AbortController();
    const pending = fetch(`${base}/never`, { signal: late.signal });
    setTimeout(() => late.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('steps aside for the built-in fetch when the environment configures a proxy', () => {
    expect(nodeHTTPFetchUnlessProxied({})).toBeTypeOf('function');
    for (const name of ['HTTPS_PROXY', 'http_proxy', 'NODE_USE_ENV_PROXY'])
      expect(nodeHTTPFetchUnlessProxied({ [name]: 'http://proxy.internal:3128' })).toBeUndefined();
  });
});
