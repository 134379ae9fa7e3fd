import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  formatIssuePath,
  type GraderRegistry,
  type GraderSetup,
  mapConcurrent,
  prepareGraders,
  type Transcript,
  type Verdict,
  wholeNumberOption,
} from '@judgekit/core';
import { type Grader, graderFromPrepared } from '../grader/create-grader.js';
import { createAdmissionQueue } from './admission-queue.js';
import { keyMatches, presentedKey } from './api-key.js';
import { GradeRequestSchema, type GradeResponse, type ServiceGrader } from './grade-request-schema.js';
import { openAPIDocument } from './openapi-document.js';
import { readBody } from './read-body.js';
import { redactPaths, redactPathsDeep } from './redact-paths.js';
import { ServiceRequestError } from './service-request-error.js';

/** One line of the service's log: never headers, bodies or keys. */
export interface ServiceLogEntry {
  method: string;
  path: string;
  status: number;
  durationMs: number;
  /** The error code of a refused request. */
  code?: string;
}

/** Options of `createGradeService`. */
export interface GradeServiceOptions {
  /** Where grader names are looked up (built-ins plus plugins: `createGraderRegistry`). */
  registry: GraderRegistry;
  /** The graders offered, as in a config's `graders`; default every per-transcript grader that needs no key. */
  graders?: readonly GraderSetup[];
  /** Creation context of the graders (API keys are read from `env`). */
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
  cacheDir?: string;
  /** Requests to /v1 must present this key (`Authorization: Bearer` or `x-api-key`). */
  apiKey?: string;
  /** Largest request body in bytes (413 beyond). Default 10 MiB. */
  maxBodyBytes?: number;
  /** Most transcripts in one request (413 beyond). Default 100. */
  maxBatch?: number;
  /** Grading requests served at once. Default 4. */
  maxConcurrent?: number;
  /** Grading requests waiting for a slot; beyond, 503 with Retry-After. Default 16. */
  maxQueue?: number;
  /** Transcripts × graders graded at once within one request. Default 4. */
  batchConcurrency?: number;
  /** Time allowed for the request headers (408 beyond). Default 10 s. */
  headersTimeoutMs?: number;
  /** Time allowed for the request body once reading starts (408 beyond). Default 10 s. */
  bodyTimeoutMs?: number;
  /** The `Retry-After` seconds of a 503. Default 1. */
  retryAfterSeconds?: number;
  /** Version reported in the OpenAPI document. */
  version?: string;
  /** Called once per request, after the answer. */
  onLog?: (entry: ServiceLogEntry) => void;
}

/** A grading service, created but not yet listening. */
export interface GradeService {
  readonly server: Server;
  /** The graders offered, by name. */
  readonly graders: readonly Grader[];
  /** Starts listening (default 127.0.0.1, port 8787; port 0 picks a free one) and returns the URL. */
  listen(options?: { host?: string; port?: number }): Promise<string>;
  /** Stops accepting, closes connections and the graders. */
  close(): Promise<void>;
}

function defaultSetups(registry: GraderRegistry): GraderSetup[] {
  return registry
    .list()
    .filter((plugin) => plugin.kind !== 'distribution' && !plugin.needsKey)
    .map((plugin) => ({ use: plugin.id }));
}

function sendJSON(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  response.end(text);
}

function errorBody(error: ServiceRequestError) {
  return {
    error: {
      code: error.reason,
      message: redactPaths(error.message),
      ...(error.path !== undefined ? { path: error.path } : {}),
      ...(error.known ? { known: [...error.known] } : {}),
    },
  };
}

/** Sends an error; for 408/413 the connection is closed after the answer and the rest of the body discarded. */
function sendError(request: IncomingMessage, response: ServerResponse, error: ServiceRequestError): void {
  const closing = error.status === 408 || error.status === 413;
  if (response.headersSent) {
    response.destroy();
    return;
  }
  sendJSON(response, error.status, errorBody(error), {
    ...error.headers,
    ...(closing ? { connection: 'close' } : {}),
  });
  if (closing) {
    request.resume();
    setTimeout(() => request.socket.destroy(), 1_000).unref();
  }
}

function sanitizeVerdict(verdict: Verdict): Verdict {
  return {
    ...verdict,
    ...(verdict.error ? { error: { ...verdict.error, message: redactPaths(verdict.error.message) } } : {}),
    ...(verdict.provenance ? { provenance: redactPathsDeep(verdict.provenance) } : {}),
  };
}

/**
 * An HTTP grading service on `node:http` for harnesses in other languages: `POST /v1/grade`,
 * `GET /v1/graders`, `GET /openapi.json` (generated from the zod schemas), `GET /healthz`.
 * Graders are created once at start and shared by all requests (so their caches and rate limits
 * are too). Requests are bounded in size (413), time (408) and number (503 with Retry-After); an
 * API key, when set, is checked in constant time and never echoed or logged; error messages never
 * carry absolute paths.
 */
export function createGradeService(options: GradeServiceOptions): GradeService {
  // whole-number limits, checked here: 0, 1.5 or NaN used to reach the limiters and fail every request
  const maxBodyBytes = wholeNumberOption('maxBodyBytes', options.maxBodyBytes, {
    fallback: 10 * 1024 * 1024,
  });
  const maxBatch = wholeNumberOption('maxBatch', options.maxBatch, { fallback: 100 });
  const headersTimeoutMs = wholeNumberOption('headersTimeoutMs', options.headersTimeoutMs, {
    fallback: 10_000,
  });
  const bodyTimeoutMs = wholeNumberOption('bodyTimeoutMs', options.bodyTimeoutMs, { fallback: 10_000 });
  const retryAfter = String(
    wholeNumberOption('retryAfterSeconds', options.retryAfterSeconds, { fallback: 1, min: 0 }),
  );
  const maxConcurrent = wholeNumberOption('maxConcurrent', options.maxConcurrent, { fallback: 4 });
  const maxQueue = wholeNumberOption('maxQueue', options.maxQueue, { fallback: 16, min: 0 });
  const batchConcurrency = wholeNumberOption('batchConcurrency', options.batchConcurrency, { fallback: 4 });
  const prepared = prepareGraders(options.graders ?? defaultSetups(options.registry), options.registry, {
    env: options.env ?? process.env,
    cwd: options.cwd ?? process.cwd(),
    cacheDir: options.cacheDir,
  });
  const graders = prepared.map(graderFromPrepared);
  const byName = new Map(graders.map((grader) => [grader.name, grader]));
  const known = [...byName.keys()].sort();
  const admission = createAdmissionQueue(maxConcurrent, maxQueue);
  const openapi = JSON.stringify(openAPIDocument(options.version ?? '0.0.0'));
  const graderList: ServiceGrader[] = graders.map((grader) => ({
    name: grader.name,
    id: grader.id,
    version: grader.version,
    kind: grader.kind,
    dimensions: [...grader.dimensions],
    description: grader.plugin.docs.description,
  }));

  const authorize = (request: IncomingMessage) => {
    if (options.apiKey === undefined) return;
    if (!keyMatches(presentedKey(request.headers), options.apiKey)) {
      throw new ServiceRequestError({
        status: 401,
        reason: 'unauthorized',
        message: 'this service needs an API key: send `Authorization: Bearer <key>` or `x-api-key: <key>`',
        headers: { 'www-authenticate': 'Bearer' },
      });
    }
  };

  const parseRequest = (body: Buffer) => {
    let value: unknown;
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch (error) {
      throw new ServiceRequestError({
        status: 400,
        reason: 'invalid_json',
        message: `the body is not JSON: ${(error as Error).message}`,
        path: '',
      });
    }
    const parsed = GradeRequestSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const path = formatIssuePath(issue.path);
      throw new ServiceRequestError({
        status: 400,
        reason: 'invalid_request',
        message: `${path || '(body)'}: ${issue.message}`,
        path,
      });
    }
    return parsed.data;
  };

  const gradeRequest = async (body: Buffer, signal: AbortSignal): Promise<GradeResponse> => {
    const request = parseRequest(body);
    const transcripts: Transcript[] = request.transcripts ?? [request.transcript!];
    if (transcripts.length > maxBatch) {
      throw new ServiceRequestError({
        status: 413,
        reason: 'batch_too_large',
        message: `a request may hold at most ${maxBatch} transcripts; it holds ${transcripts.length}`,
        path: 'transcripts',
      });
    }
    const names = request.graders ?? known;
    const chosen = names.map((name, index) => {
      const grader = byName.get(name);
      if (!grader) {
        throw new ServiceRequestError({
          status: 400,
          reason: 'unknown_grader',
          message: `unknown grader "${name}"; this service offers: ${known.join(', ') || '(none)'}`,
          path: `graders.${index}`,
          known,
        });
      }
      return grader;
    });
    const units = transcripts.flatMap((transcript, transcriptIndex) =>
      chosen.map((grader, graderIndex) => ({ transcript, transcriptIndex, grader, graderIndex })),
    );
    const verdicts: Verdict[][][] = transcripts.map(() => chosen.map(() => []));
    await mapConcurrent(
      units,
      batchConcurrency,
      async (unit) => {
        verdicts[unit.transcriptIndex]![unit.graderIndex] = await unit.grader.grade(unit.transcript, {
          signal,
        });
      },
      signal,
    );
    return {
      results: transcripts.map((transcript, index) => ({
        transcriptId: transcript.id,
        verdicts: verdicts[index]!.flat().map(sanitizeVerdict),
      })),
    };
  };

  const handleGrade = async (request: IncomingMessage, response: ServerResponse) => {
    authorize(request);
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      throw new ServiceRequestError({
        status: 413,
        reason: 'body_too_large',
        message: `the request body is larger than the limit of ${maxBodyBytes} bytes`,
      });
    }
    const slot = admission.tryAcquire();
    if (!slot) {
      throw new ServiceRequestError({
        status: 503,
        reason: 'overloaded',
        message: `too many grading requests in flight; retry in ${retryAfter} s`,
        headers: { 'retry-after': retryAfter },
      });
    }
    const release = await slot;
    const controller = new AbortController();
    const onClose = () => {
      if (!response.writableEnded) controller.abort(new Error('the client went away'));
    };
    response.on('close', onClose);
    try {
      const body = await readBody(request, maxBodyBytes, bodyTimeoutMs);
      const answer = await gradeRequest(body, controller.signal);
      if (!controller.signal.aborted) sendJSON(response, 200, answer);
    } finally {
      response.off('close', onClose);
      release();
    }
  };

  const route = async (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0]!;
    const method = request.method ?? 'GET';
    if (path === '/healthz' && (method === 'GET' || method === 'HEAD')) {
      sendJSON(response, 200, { status: 'ok' });
    } else if (path === '/openapi.json' && method === 'GET') {
      response.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(openapi),
      });
      response.end(openapi);
    } else if (path === '/v1/graders' && method === 'GET') {
      authorize(request);
      sendJSON(response, 200, { graders: graderList });
    } else if (path === '/v1/grade' && method === 'POST') {
      await handleGrade(request, response);
    } else if (['/v1/grade', '/v1/graders', '/healthz', '/openapi.json'].includes(path)) {
      throw new ServiceRequestError({
        status: 405,
        reason: 'method_not_allowed',
        message: `${method} is not allowed on ${path}`,
      });
    } else {
      throw new ServiceRequestError({ status: 404, reason: 'not_found', message: `no route ${path}` });
    }
  };

  const server = createServer(
    {
      headersTimeout: headersTimeoutMs,
      requestTimeout: headersTimeoutMs + bodyTimeoutMs + 60_000,
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(headersTimeoutMs / 4))),
    },
    (request, response) => {
      const started = performance.now();
      const path = (request.url ?? '/').split('?')[0]!;
      let code: string | undefined;
      response.on('finish', () => {
        options.onLog?.({
          method: request.method ?? 'GET',
          path: path.length > 200 ? `${path.slice(0, 200)}…` : path,
          status: response.statusCode,
          durationMs: Math.round(performance.now() - started),
          ...(code ? { code } : {}),
        });
      });
      route(request, response).catch((error: unknown) => {
        const refusal = ServiceRequestError.isInstance(error)
          ? error
          : new ServiceRequestError({
              status: 500,
              reason: 'internal',
              message: 'the service failed to answer',
            });
        code = refusal.reason;
        sendError(request, response, refusal);
      });
    },
  );

  return {
    server,
    graders,
    async listen(listenOptions = {}) {
      server.listen(listenOptions.port ?? 8787, listenOptions.host ?? '127.0.0.1');
      await once(server, 'listening');
      const address = server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return `http://${host}:${address.port}`;
    },
    async close() {
      const closed = server.listening ? once(server, 'close') : Promise.resolve();
      server.close();
      server.closeAllConnections();
      await closed;
      await Promise.all(graders.map((grader) => grader.close()));
    },
  };
}
