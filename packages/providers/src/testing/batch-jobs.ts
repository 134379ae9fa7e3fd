import { nextId } from './answer-parts.js';
import type { WireKind } from './test-server-types.js';

/** Answers one request of a batch: an HTTP status and the body the synchronous endpoint would send. */
export type BatchRequestProcessor = (
  kind: WireKind,
  body: Record<string, unknown>,
) => Promise<{ status: number; body: Record<string, unknown> }>;

interface StoredFile {
  object: Record<string, unknown>;
  content: string;
}

interface OpenAIJob {
  batch: Record<string, unknown>;
  lines: { custom_id: string; url: string; body: Record<string, unknown> }[];
}

interface AnthropicJob {
  batch: Record<string, unknown>;
  requests: { custom_id: string; params: Record<string, unknown> }[];
  results: string | undefined;
}

const ENDPOINT_KINDS: Record<string, WireKind> = {
  '/v1/chat/completions': 'openai-chat',
  '/v1/responses': 'openai-responses',
};

/**
 * The OpenAI Files + Batches and Anthropic Message Batches endpoints of the test server. Every
 * batch request is answered by the same script as synchronous calls; results are written in
 * reverse order of submission, so clients must match them by `custom_id`.
 */
export class BatchJobs {
  private readonly files = new Map<string, StoredFile>();
  private readonly openai = new Map<string, OpenAIJob>();
  private readonly anthropic = new Map<string, AnthropicJob>();
  private readonly pending: (() => Promise<void>)[] = [];

  constructor(
    private readonly baseURL: () => string,
    private readonly process: BatchRequestProcessor,
    private readonly completion: 'immediate' | 'manual',
  ) {}

  /** Finishes every batch still in progress. */
  async completeAll(): Promise<void> {
    const work = this.pending.splice(0);
    for (const run of work) await run();
  }

  createFile(filename: string, purpose: string, content: string): Record<string, unknown> {
    const id = nextId('file-');
    const object = {
      id,
      object: 'file',
      bytes: Buffer.byteLength(content),
      created_at: Math.floor(Date.now() / 1000),
      filename,
      purpose,
      status: 'processed',
    };
    this.files.set(id, { object, content });
    return object;
  }

  file(id: string): StoredFile | undefined {
    return this.files.get(id);
  }

  /** `POST /v1/batches`; returns a status and body. */
  async createOpenAIBatch(
    body: Record<string, unknown>,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const input = this.files.get(String(body.input_file_id));
    if (!input)
      return {
        status: 404,
        body: { error: { message: 'No such File object', type: 'invalid_request_error' } },
      };
    const endpoint = String(body.endpoint);
    const id = nextId('batch_');
    const batch: Record<string, unknown> = {
      id,
      object: 'batch',
      endpoint,
      errors: null,
      input_file_id: body.input_file_id,
      completion_window: body.completion_window ?? '24h',
      status: 'validating',
      output_file_id: null,
      error_file_id: null,
      created_at: Math.floor(Date.now() / 1000),
      request_counts: { total: 0, completed: 0, failed: 0 },
      metadata: body.metadata ?? null,
    };
    const lines = parseOpenAILines(input.content, endpoint);
    const job: OpenAIJob = { batch, lines: 'error' in lines ? [] : lines.lines };
    this.openai.set(id, job);
    const snapshot = { ...batch };
    if ('error' in lines) {
      Object.assign(batch, {
        status: 'failed',
        errors: { object: 'list', data: [{ code: 'invalid_request', message: lines.error }] },
      });
      return { status: 200, body: snapshot };
    }
    batch.status = 'in_progress';
    batch.request_counts = { total: job.lines.length, completed: 0, failed: 0 };
    await this.schedule(() => this.runOpenAI(job));
    return { status: 200, body: snapshot };
  }

  openAIBatch(id: string): Record<string, unknown> | undefined {
    return this.openai.get(id)?.batch;
  }

  /** `POST /v1/messages/batches`. */
  async createAnthropicBatch(
    body: Record<string, unknown>,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const requests = (body.requests ?? []) as AnthropicJob['requests'];
    const problem = anthropicRequestsProblem(requests);
    if (problem)
      return {
        status: 400,
        body: { type: 'error', error: { type: 'invalid_request_error', message: problem } },
      };
    const id = nextId('msgbatch_');
    const now = new Date();
    const batch: Record<string, unknown> = {
      id,
      type: 'message_batch',
      processing_status: 'in_progress',
      request_counts: { processing: requests.length, succeeded: 0, errored: 0, canceled: 0, expired: 0 },
      ended_at: null,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 86_400_000).toISOString(),
      archived_at: null,
      cancel_initiated_at: null,
      results_url: null,
    };
    const job: AnthropicJob = { batch, requests, results: undefined };
    this.anthropic.set(id, job);
    const snapshot = { ...batch };
    await this.schedule(() => this.runAnthropic(job));
    return { status: 200, body: snapshot };
  }

  anthropicBatch(id: string): Record<string, unknown> | undefined {
    return this.anthropic.get(id)?.batch;
  }

  anthropicResults(id: string): string | undefined {
    return this.anthropic.get(id)?.results;
  }

  private async schedule(run: () => Promise<void>): Promise<void> {
    if (this.completion === 'immediate') await run();
    else this.pending.push(run);
  }

  private async runOpenAI(job: OpenAIJob): Promise<void> {
    const output: string[] = [];
    const errors: string[] = [];
    for (const line of job.lines) {
      const answer = await this.process(ENDPOINT_KINDS[line.url] ?? 'openai-chat', line.body);
      const record = JSON.stringify({
        id: nextId('batch_req_'),
        custom_id: line.custom_id,
        response: { status_code: answer.status, request_id: nextId('req_'), body: answer.body },
        error: null,
      });
      (answer.status === 200 ? output : errors).push(record);
    }
    const batch = job.batch;
    batch.request_counts = { total: job.lines.length, completed: output.length, failed: errors.length };
    if (output.length > 0) batch.output_file_id = this.storeOutput(`${batch.id}_output.jsonl`, output);
    if (errors.length > 0) batch.error_file_id = this.storeOutput(`${batch.id}_errors.jsonl`, errors);
    batch.status = 'completed';
    batch.completed_at = Math.floor(Date.now() / 1000);
  }

  private storeOutput(filename: string, records: string[]): string {
    const file = this.createFile(filename, 'batch_output', `${records.reverse().join('\n')}\n`);
    return String(file.id);
  }

  private async runAnthropic(job: AnthropicJob): Promise<void> {
    const lines: string[] = [];
    let succeeded = 0;
    for (const request of job.requests) {
      const answer = await this.process('anthropic-messages', request.params);
      const ok = answer.status === 200;
      if (ok) succeeded += 1;
      const result = ok
        ? { type: 'succeeded', message: answer.body }
        : { type: 'errored', error: answer.body };
      lines.push(JSON.stringify({ custom_id: request.custom_id, result }));
    }
    job.results = `${lines.reverse().join('\n')}\n`;
    Object.assign(job.batch, {
      processing_status: 'ended',
      ended_at: new Date().toISOString(),
      request_counts: {
        processing: 0,
        succeeded,
        errored: job.requests.length - succeeded,
        canceled: 0,
        expired: 0,
      },
      results_url: `${this.baseURL()}/v1/messages/batches/${job.batch.id}/results`,
    });
  }
}

function parseOpenAILines(
  content: string,
  endpoint: string,
): { lines: OpenAIJob['lines'] } | { error: string } {
  const lines: OpenAIJob['lines'] = [];
  const seen = new Set<string>();
  for (const [index, text] of content.split('\n').entries()) {
    if (text.trim() === '') continue;
    let line: { custom_id?: unknown; method?: unknown; url?: unknown; body?: unknown };
    try {
      line = JSON.parse(text);
    } catch {
      return { error: `line ${index + 1}: not JSON` };
    }
    if (typeof line.custom_id !== 'string' || seen.has(line.custom_id)) {
      return { error: `line ${index + 1}: custom_id missing or repeated` };
    }
    if (
      line.method !== 'POST' ||
      line.url !== endpoint ||
      typeof line.body !== 'object' ||
      line.body === null
    ) {
      return { error: `line ${index + 1}: method must be POST and url must be ${endpoint}, with a body` };
    }
    seen.add(line.custom_id);
    lines.push({ custom_id: line.custom_id, url: line.url, body: line.body as Record<string, unknown> });
  }
  return lines.length > 0 ? { lines } : { error: 'the input file has no requests' };
}

function anthropicRequestsProblem(requests: AnthropicJob['requests']): string | undefined {
  if (!Array.isArray(requests) || requests.length === 0) return 'requests: must be a non-empty array';
  const seen = new Set<string>();
  for (const request of requests) {
    if (typeof request.custom_id !== 'string' || !/^[a-zA-Z0-9_-]{1,64}$/.test(request.custom_id)) {
      return `custom_id "${String(request.custom_id)}" must match ^[a-zA-Z0-9_-]{1,64}$`;
    }
    if (seen.has(request.custom_id)) return `custom_id "${request.custom_id}" is not unique`;
    if (request.params && 'stream' in request.params) return 'stream is not allowed in batch requests';
    seen.add(request.custom_id);
  }
  return undefined;
}
