import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AnyGraderPlugin, grade, type TranscriptInput, type Verdict } from '@judgekit/core';
import { startTestServer, type TestServer } from '@judgekit/providers/testing';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/** Keys the local server accepts; never real ones. */
export const TEST_ENV = {
  OPENAI_API_KEY: 'sk-local-test',
  ANTHROPIC_API_KEY: 'sk-ant-local-test',
  JUDGEKIT_COMPATIBLE_API_KEY: 'local-test',
};

/** A fresh temporary directory. */
export function temporaryDirectory(prefix = 'judgekit-llm-judge-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** One local test server for a test file, reset (queue, handler, request log) before each test. */
export function useTestServer(): () => TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(() => {
    server?.reset();
    if (server) server.latencyMs = 0;
  });
  return () => server!;
}

/** The base URL of the local server for a judge name (`openai:`/`compatible:` with `/v1`, `anthropic:` without). */
export function baseURLFor(server: TestServer, judge: string): string {
  return judge.startsWith('anthropic:') ? server.anthropicBaseURL : server.openaiBaseURL;
}

/** Grades one transcript with a plugin against the local server, with a fresh (or given) response cache. */
export async function gradeLocally(
  plugin: AnyGraderPlugin,
  transcript: TranscriptInput,
  options: Record<string, unknown>,
  context: { cacheDir?: string; signal?: AbortSignal } = {},
): Promise<Verdict[]> {
  return grade(transcript, plugin, {
    options,
    ...(context.signal ? { signal: context.signal } : {}),
    context: { env: TEST_ENV, cwd: process.cwd(), cacheDir: context.cacheDir ?? temporaryDirectory() },
  });
}
