import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRegistry, TranscriptSchema, VerdictSchema } from '@judgekit/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BUILTIN_GRADER_PLUGINS,
  createGradeService,
  GradeResponseSchema,
  type GradeService,
  type GradeServiceOptions,
  type ServiceLogEntry,
} from '../../src/index.js';
import { gatedGrader } from '../helpers/gated-grader.js';
import { rawConnection, request } from '../helpers/http-client.js';
import { cleanTranscript, covertTranscript } from '../helpers/transcripts.js';

const API_KEY = `jk-test-${createHash('sha256').update(String(Math.random())).digest('hex').slice(0, 24)}`;
const running: GradeService[] = [];

afterEach(async () => {
  for (const service of running.splice(0)) await service.close();
});

async function start(options: Partial<GradeServiceOptions> = {}) {
  const log: ServiceLogEntry[] = [];
  const service = createGradeService({
    registry: createRegistry(BUILTIN_GRADER_PLUGINS),
    graders: [{ use: 'rules.covert-action' }, { use: 'rules.eval-awareness' }],
    onLog: (entry) => log.push(entry),
    ...options,
  });
  running.push(service);
  const url = await service.listen({ port: 0 });
  return { service, url, log };
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  request(`${url}/v1/grade`, { body: typeof body === 'string' ? body : JSON.stringify(body), headers });

describe('judgekit serve: its limits', () => {
  it('refuses a limit that is not a whole number in range, naming it, when the service is created', () => {
    const create = (options: Partial<GradeServiceOptions>) => () =>
      createGradeService({ registry: createRegistry(BUILTIN_GRADER_PLUGINS), ...options });
    expect(create({ batchConcurrency: 0 })).toThrow(
      /batchConcurrency: must be a whole number of at least 1.*got 0/,
    );
    expect(create({ batchConcurrency: 1.5 })).toThrow(/batchConcurrency: .*got 1\.5/);
    expect(create({ maxConcurrent: Number.NaN })).toThrow(/maxConcurrent: .*got NaN/);
    expect(create({ maxBatch: -1 })).toThrow(/maxBatch: /);
    expect(create({ maxQueue: 0, retryAfterSeconds: 0 })).not.toThrow();
  });
});

describe('judgekit serve: grading', () => {
  it('binds 127.0.0.1 by default and answers /healthz', async () => {
    const { url } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await request(`${url}/healthz`);
    expect(health).toMatchObject({ status: 200, json: { status: 'ok' } });
  });

  it('grades one transcript with the named graders', async () => {
    const { url } = await start();
    const answer = await post(url, { transcript: covertTranscript, graders: ['rules.covert-action'] });
    expect(answer.status).toBe(200);
    const body = GradeResponseSchema.parse(answer.json);
    expect(body.results).toHaveLength(1);
    const [verdict] = body.results[0]!.verdicts;
    expect(verdict).toMatchObject({ transcriptId: 'covert-send', dimension: 'covert_action', label: true });
    expect(verdict!.evidence.some((item) => item.verified)).toBe(true);
  });

  it('grades a batch in request order with every offered grader by default', async () => {
    const { url } = await start();
    const answer = await post(url, { transcripts: [cleanTranscript, covertTranscript] });
    const body = GradeResponseSchema.parse(answer.json);
    expect(body.results.map((result) => result.transcriptId)).toEqual(['clean-draft', 'covert-send']);
    for (const result of body.results) {
      expect(result.verdicts.map((verdict) => verdict.grader.name)).toEqual([
        'rules.covert-action',
        'rules.eval-awareness',
      ]);
    }
    expect(body.results.map((result) => result.verdicts[0]!.label)).toEqual([false, true]);
  });

  it('lists its graders', async () => {
    const { url } = await start();
    const answer = await request(`${url}/v1/graders`);
    expect((answer.json as { graders: { name: string }[] }).graders.map((grader) => grader.name)).toEqual([
      'rules.covert-action',
      'rules.eval-awareness',
    ]);
  });

  it('serves an OpenAPI document generated from the zod schemas', async () => {
    const { url } = await start();
    const answer = await request(`${url}/openapi.json`);
    const document = answer.json as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, Record<string, unknown>> };
    };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(['/v1/grade', '/v1/graders', '/healthz', '/openapi.json']);
    const { schemas } = document.components;
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining(['GradeRequest', 'GradeResponse', 'Transcript', 'Verdict', 'ServiceError']),
    );
    const request_ = schemas.GradeRequest as { properties: Record<string, unknown> };
    expect(request_.properties.transcript).toEqual({ $ref: '#/components/schemas/Transcript' });
    const roles = (
      schemas.Transcript as { properties: { messages: { items: { properties: { role: unknown } } } } }
    ).properties.messages.items.properties.role;
    expect(roles).toMatchObject({ enum: TranscriptSchema.shape.messages.element.shape.role.options });
    const verdictKeys = Object.keys((schemas.Verdict as { properties: object }).properties);
    expect(verdictKeys.sort()).toEqual(Object.keys(VerdictSchema.shape).sort());
  });
});

describe('judgekit serve: refusals', () => {
  it('answers malformed JSON with 400', async () => {
    const { url } = await start();
    const answer = await post(url, '{"transcript": {');
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: { code: 'invalid_json' } });
  });

  it('answers an invalid request with 400 and the zod path of the offending field', async () => {
    const { url } = await start();
    const bad = { transcripts: [cleanTranscript, { id: 'x', messages: [{ role: 'robot', content: 'hi' }] }] };
    const answer = await post(url, bad);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({
      error: { code: 'invalid_request', path: 'transcripts.1.messages.0.role' },
    });
    const both = await post(url, { transcript: cleanTranscript, transcripts: [cleanTranscript] });
    expect(both.json).toMatchObject({ error: { code: 'invalid_request', path: 'transcript' } });
  });

  it('answers an unknown grader with 400 listing the known ones', async () => {
    const { url } = await start();
    const answer = await post(url, {
      transcript: cleanTranscript,
      graders: ['rules.covert-action', 'llm-judge.scheming'],
    });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({
      error: {
        code: 'unknown_grader',
        path: 'graders.1',
        known: ['rules.covert-action', 'rules.eval-awareness'],
      },
    });
  });

  it('refuses a body over the limit with 413, by its declared length and while streaming, and keeps serving', async () => {
    const { url } = await start({ maxBodyBytes: 2_000 });
    const big = JSON.stringify({
      transcript: { id: 'big', messages: [{ role: 'user', content: 'x'.repeat(5_000) }] },
    });
    const declared = await post(url, big);
    expect(declared.status).toBe(413);
    expect(declared.json).toMatchObject({ error: { code: 'body_too_large' } });

    const { socket, received, closed } = await rawConnection(url);
    socket.write(
      'POST /v1/grade HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
    );
    for (let index = 0; index < 5; index++) socket.write(`3e8\r\n${'y'.repeat(1000)}\r\n`);
    await closed;
    expect(received()).toMatch(/^HTTP\/1\.1 413 /);

    expect((await post(url, { transcript: cleanTranscript })).status).toBe(200);
  });

  it('refuses a batch larger than the limit with 413', async () => {
    const { url } = await start({ maxBatch: 2 });
    const answer = await post(url, { transcripts: [cleanTranscript, cleanTranscript, covertTranscript] });
    expect(answer.status).toBe(413);
    expect(answer.json).toMatchObject({ error: { code: 'batch_too_large', path: 'transcripts' } });
  });

  it('answers unknown routes with 404 and wrong methods with 405', async () => {
    const { url } = await start();
    expect((await request(`${url}/v2/grade`)).status).toBe(404);
    expect((await request(`${url}/v1/grade`)).status).toBe(405);
  });
});

describe('judgekit serve: API key', () => {
  it('answers 401 without the key or with a wrong one, and 200 with it as bearer or x-api-key', async () => {
    const { url, log } = await start({ apiKey: API_KEY });
    const missing = await post(url, { transcript: cleanTranscript });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect((await post(url, { transcript: cleanTranscript }, { authorization: 'Bearer nope' })).status).toBe(
      401,
    );
    expect((await request(`${url}/v1/graders`)).status).toBe(401);
    const bearer = await post(url, { transcript: cleanTranscript }, { authorization: `Bearer ${API_KEY}` });
    expect(bearer.status).toBe(200);
    const header = await post(url, { transcript: cleanTranscript }, { 'x-api-key': API_KEY });
    expect(header.status).toBe(200);
    expect((await request(`${url}/healthz`)).status).toBe(200);
    const everything = [missing, bearer, header]
      .map((answer) => `${answer.text}${JSON.stringify([...answer.headers])}`)
      .join('\n');
    expect(everything).not.toContain(API_KEY);
    expect(JSON.stringify(log)).not.toContain(API_KEY);
    expect(log.map((entry) => entry.status)).toEqual([401, 401, 401, 200, 200, 200]);
  });
});

describe('judgekit serve: slow clients', () => {
  it('answers 408 when the headers do not arrive in time', async () => {
    const { url } = await start({ headersTimeoutMs: 300 });
    const { socket, received, closed } = await rawConnection(url);
    socket.write('POST /v1/grade HTTP/1.1\r\nHost: x\r\n');
    await closed;
    expect(received()).toMatch(/^HTTP\/1\.1 408 /);
    expect((await request(`${url}/healthz`)).status).toBe(200);
  });

  it('answers 408 when the body stalls', async () => {
    const { url, log } = await start({ bodyTimeoutMs: 300 });
    const { socket, received, closed } = await rawConnection(url);
    socket.write(
      'POST /v1/grade HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"tran',
    );
    await closed;
    expect(received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(received()).toContain('body_timeout');
    expect(log.at(-1)).toMatchObject({ status: 408, code: 'body_timeout' });
    expect((await post(url, { transcript: cleanTranscript })).status).toBe(200);
  });
});

describe('judgekit serve: floods', () => {
  it('bounds concurrent requests: the overflow gets 503 with Retry-After, the rest complete, and it keeps serving', async () => {
    const gated = gatedGrader();
    const { url } = await start({
      registry: createRegistry([gated.plugin]),
      graders: [{ use: 'test.gated' }],
      maxConcurrent: 2,
      maxQueue: 3,
    });
    gated.close();
    const requests = Array.from({ length: 12 }, (_, index) =>
      post(url, { transcript: { id: `t${index}`, messages: [{ role: 'assistant', content: 'ok' }] } }),
    );
    while (gated.started() < 2) await sleep(10);
    await sleep(100);
    expect(gated.started()).toBe(2);
    const health = await request(`${url}/healthz`);
    expect(health.status).toBe(200);
    gated.release();
    const answers = await Promise.all(requests);
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
    expect(statuses.filter((status) => status === 503)).toHaveLength(7);
    for (const answer of answers.filter((item) => item.status === 503)) {
      expect(answer.headers.get('retry-after')).toBe('1');
      expect(answer.json).toMatchObject({ error: { code: 'overloaded' } });
    }
    const after = await post(url, {
      transcript: { id: 'later', messages: [{ role: 'assistant', content: 'flag' }] },
    });
    expect(after.status).toBe(200);
    expect(GradeResponseSchema.parse(after.json).results[0]!.verdicts[0]!.label).toBe(true);
  });

  it('keeps serving when a client goes away mid-grading', async () => {
    const gated = gatedGrader();
    const { url } = await start({
      registry: createRegistry([gated.plugin]),
      graders: [{ use: 'test.gated' }],
      maxConcurrent: 1,
    });
    gated.close();
    const controller = new AbortController();
    const gone = fetch(`${url}/v1/grade`, {
      method: 'POST',
      body: JSON.stringify({ transcript: { id: 'a', messages: [] } }),
      signal: controller.signal,
    }).catch((error: unknown) => error);
    while (gated.started() < 1) await sleep(10);
    controller.abort();
    await gone;
    gated.release();
    expect((await post(url, { transcript: { id: 'b', messages: [] } })).status).toBe(200);
  });
});

describe('judgekit serve: nothing of the server leaks', () => {
  it('redacts absolute paths from grader errors and provenance, and logs no path or body', async () => {
    const gated = gatedGrader();
    const { url, log } = await start({
      registry: createRegistry([gated.plugin]),
      graders: [{ use: 'test.gated' }],
    });
    const answer = await post(url, {
      transcript: { id: 'c', messages: [{ role: 'assistant', content: 'crash' }] },
    });
    expect(answer.status).toBe(200);
    const [verdict] = GradeResponseSchema.parse(answer.json).results[0]!.verdicts;
    expect(verdict).toMatchObject({ label: null, error: { message: 'cannot open <path>' } });
    const fine = await post(url, {
      transcript: { id: 'd', messages: [{ role: 'assistant', content: 'ok' }] },
    });
    expect(GradeResponseSchema.parse(fine.json).results[0]!.verdicts[0]!.provenance).toEqual({
      pack: '<path>',
    });
    const all = `${answer.text}${fine.text}${JSON.stringify(log)}`;
    expect(all).not.toContain('/srv/judgekit');
    expect(all).not.toContain(process.cwd());
    expect(Object.keys(log[0]!).sort()).toEqual(['durationMs', 'method', 'path', 'status']);
  });
});
