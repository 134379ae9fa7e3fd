import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { answerParts } from './answer-parts.js';
import { anthropicMessageBody } from './anthropic-messages-wire.js';
import { BatchJobs } from './batch-jobs.js';
import { requestProblem } from './check-request.js';
import { chatCompletionBody } from './openai-chat-wire.js';
import { responsesBody } from './openai-responses-wire.js';
import { requestSchema } from './request-schema.js';
import type {
  ModelCall,
  ModelCallHandler,
  RecordedRequest,
  ReplyStep,
  ScriptStep,
  TestServer,
  TestServerOptions,
  WireKind,
} from './test-server-types.js';
import { errorBody } from './wire-errors.js';

const MODEL_ROUTES: Record<string, WireKind> = {
  '/v1/chat/completions': 'openai-chat',
  '/v1/responses': 'openai-responses',
  '/v1/messages': 'anthropic-messages',
};

const UNSCRIPTED: ScriptStep = {
  type: 'error',
  status: 400,
  message: 'test server: nothing scripted for this call (enqueue a step or set a handler)',
};

/**
 * Starts a server on 127.0.0.1 at a random port that speaks the Anthropic Messages, OpenAI Chat
 * Completions and Responses, OpenAI Files + Batches and Anthropic Message Batches protocols
 * closely enough for the official SDKs. Each model call takes the next queued step, else the
 * handler's; every request is recorded byte for byte. Accepts `x-api-key` or `authorization: Bearer`.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const queue: ScriptStep[] = [];
  const sockets = new Set<Socket>();
  let handler: ModelCallHandler | undefined = options.handler;
  let callIndex = 0;
  let inFlight = 0;
  let maxConcurrent = 0;
  let baseURL = '';

  const nextStep = async (call: ModelCall): Promise<ScriptStep> =>
    queue.shift() ?? (handler ? handler(call) : UNSCRIPTED);

  const modelCall = (kind: WireKind, body: Record<string, unknown>, batch: boolean): ModelCall => ({
    kind,
    body,
    model: String(body.model),
    schema: requestSchema(kind, body),
    index: callIndex++,
    batch,
  });

  const render = (call: ModelCall, step: ReplyStep, rawBody: string) => {
    const parts = answerParts(call, step, rawBody);
    if (call.kind === 'anthropic-messages') return anthropicMessageBody(call, step, parts);
    if (call.kind === 'openai-responses') return responsesBody(call, step, parts);
    return chatCompletionBody(call, step, parts);
  };

  const jobs = new BatchJobs(
    () => baseURL,
    async (kind, body) => {
      const style = kind === 'anthropic-messages' ? 'anthropic' : 'openai';
      const problem = requestProblem(kind, body);
      if (problem) return { status: 400, body: errorBody(style, 400, problem) };
      const call = modelCall(kind, body, true);
      const step = await nextStep(call);
      if (step.type === 'reply') return { status: 200, body: render(call, step, JSON.stringify(body)) };
      const status = step.type === 'error' ? step.status : 500;
      return {
        status,
        body: errorBody(style, status, step.type === 'error' ? (step.message ?? 'error') : step.type),
      };
    },
    options.batchCompletion ?? 'immediate',
  );

  const answerModel = async (
    kind: WireKind,
    rawBody: string,
    response: ServerResponse,
    request: IncomingMessage,
    arrivedAt: number,
  ) => {
    const style = kind === 'anthropic-messages' ? 'anthropic' : 'openai';
    const body = parseObject(rawBody);
    const problem = body ? requestProblem(kind, body) : 'the body is not a JSON object';
    if (!body || problem) return sendJSON(response, 400, errorBody(style, 400, problem ?? 'invalid body'));
    const call = modelCall(kind, body, false);
    const step = await nextStep(call);
    inFlight += 1;
    maxConcurrent = Math.max(maxConcurrent, inFlight);
    let settled = false;
    const settle = () => {
      if (!settled) inFlight -= 1;
      settled = true;
    };
    response.on('close', settle);
    // the latency counts from the request's arrival, so the server's own work on it (parsing, the
    // handler) is inside it rather than added to it
    await sleep(Math.max(0, server.latencyMs + (step.delayMs ?? 0) - (performance.now() - arrivedAt)));
    switch (step.type) {
      case 'hang':
        return;
      case 'cut':
        request.socket.destroy();
        return;
      case 'invalid-json':
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"id": "broken", "choices": [');
        return;
      case 'error': {
        const headers: Record<string, string> = {};
        if (step.retryAfter !== undefined) headers['retry-after'] = step.retryAfter;
        if (step.retryAfterMs !== undefined) headers['retry-after-ms'] = String(step.retryAfterMs);
        return sendJSON(
          response,
          step.status,
          errorBody(style, step.status, step.message ?? `error ${step.status}`),
          headers,
        );
      }
      case 'reply':
        return sendJSON(response, 200, render(call, step, rawBody));
    }
  };

  const route = async (
    request: IncomingMessage,
    response: ServerResponse,
    rawBody: string,
    bytes: Buffer,
    arrivedAt: number,
  ) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const method = request.method ?? 'GET';
    const style = path.startsWith('/v1/messages') ? 'anthropic' : 'openai';
    if (!authorized(request, options.apiKey)) {
      return sendJSON(response, 401, errorBody(style, 401, 'invalid x-api-key or authorization header'));
    }
    const kind = MODEL_ROUTES[path];
    if (kind && method === 'POST') return answerModel(kind, rawBody, response, request, arrivedAt);
    if (path === '/v1/files' && method === 'POST') {
      const form = await new Request('http://local/v1/files', {
        method,
        headers: requestHeaders(request),
        body: bytes,
      }).formData();
      const file = form.get('file');
      if (!(file instanceof Blob)) return sendJSON(response, 400, errorBody('openai', 400, 'file: required'));
      const name = 'name' in file && typeof file.name === 'string' ? file.name : 'upload';
      return sendJSON(response, 200, jobs.createFile(name, String(form.get('purpose')), await file.text()));
    }
    const fileMatch = /^\/v1\/files\/([^/]+)(\/content)?$/.exec(path);
    if (fileMatch && method === 'GET') {
      const file = jobs.file(fileMatch[1] ?? '');
      if (!file) return sendJSON(response, 404, errorBody('openai', 404, 'No such File object'));
      if (!fileMatch[2]) return sendJSON(response, 200, file.object);
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      return response.end(file.content);
    }
    if (path === '/v1/batches' && method === 'POST') {
      const answer = await jobs.createOpenAIBatch(parseObject(rawBody) ?? {});
      return sendJSON(response, answer.status, answer.body);
    }
    const openAIBatch = /^\/v1\/batches\/([^/]+)$/.exec(path);
    if (openAIBatch && method === 'GET') {
      const batch = jobs.openAIBatch(openAIBatch[1] ?? '');
      return batch
        ? sendJSON(response, 200, batch)
        : sendJSON(response, 404, errorBody('openai', 404, 'No such batch'));
    }
    if (path === '/v1/messages/batches' && method === 'POST') {
      const answer = await jobs.createAnthropicBatch(parseObject(rawBody) ?? {});
      return sendJSON(response, answer.status, answer.body);
    }
    const anthropicBatch = /^\/v1\/messages\/batches\/([^/]+)(\/results)?$/.exec(path);
    if (anthropicBatch && method === 'GET') {
      const id = anthropicBatch[1] ?? '';
      const batch = jobs.anthropicBatch(id);
      if (!batch) return sendJSON(response, 404, errorBody('anthropic', 404, 'batch not found'));
      if (!anthropicBatch[2]) return sendJSON(response, 200, batch);
      const results = jobs.anthropicResults(id);
      if (results === undefined)
        return sendJSON(response, 404, errorBody('anthropic', 404, 'results not ready'));
      response.writeHead(200, { 'content-type': 'application/binary' });
      return response.end(results);
    }
    return sendJSON(response, 404, errorBody(style, 404, `no route for ${method} ${path}`));
  };

  const http = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const arrivedAt = performance.now();
      const bytes = Buffer.concat(chunks);
      const rawBody = bytes.toString('utf8');
      requests.push({
        method: request.method ?? 'GET',
        path: request.url ?? '/',
        headers: Object.fromEntries(
          Object.entries(request.headers).map(([key, value]) => [key, String(value)]),
        ),
        body: rawBody,
        receivedAt: Date.now(),
      });
      route(request, response, rawBody, bytes, arrivedAt).catch((error: unknown) => {
        if (!response.headersSent) sendJSON(response, 500, errorBody('openai', 500, String(error)));
      });
    });
  });
  http.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  baseURL = `http://127.0.0.1:${port}`;

  const server: TestServer = {
    url: baseURL,
    openaiBaseURL: `${baseURL}/v1`,
    anthropicBaseURL: baseURL,
    requests,
    modelCalls: () =>
      requests.filter((entry) => entry.method === 'POST' && MODEL_ROUTES[entry.path.split('?')[0] ?? '']),
    get maxConcurrent() {
      return maxConcurrent;
    },
    latencyMs: options.latencyMs ?? 0,
    enqueue: (...steps) => {
      queue.push(...steps);
    },
    get pending() {
      return queue.length;
    },
    handle: (next) => {
      handler = next;
    },
    completeBatches: () => jobs.completeAll(),
    reset: () => {
      queue.length = 0;
      requests.length = 0;
      handler = options.handler;
      maxConcurrent = 0;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
  return server;
}

function authorized(request: IncomingMessage, key: string | undefined): boolean {
  const header = request.headers['x-api-key'];
  const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  const given = (typeof header === 'string' && header) || bearer;
  if (!given) return false;
  return key === undefined || given === key;
}

function requestHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(key, value);
  }
  return headers;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function sendJSON(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (response.destroyed) return;
  response.writeHead(status, {
    'content-type': 'application/json',
    'request-id': `req_test_${Date.now()}`,
    ...headers,
  });
  response.end(JSON.stringify(body));
}
