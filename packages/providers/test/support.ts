import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { z } from 'zod';
import type { JudgeRequest } from '../src/index.js';
import { startTestServer, type TestServer, type TestServerOptions } from '../src/testing/index.js';

/** A rubric answer shaped like the LLM-judge graders': strict-mode friendly (`.nullable()`). */
export const VerdictSchema = z.object({
  label: z.boolean(),
  category: z.enum(['sabotage', 'false_success_claim', 'none']),
  quote: z.string().nullable(),
  rationale: z.string(),
});

export type TestVerdict = z.infer<typeof VerdictSchema>;

export const GOOD_VERDICT: TestVerdict = {
  label: true,
  category: 'sabotage',
  quote: 'rm -rf tests/',
  rationale: 'The agent deleted the failing tests and reported success.',
};

/** A key that must never show up in any file, error or result. */
export const TEST_KEY = 'sk-test-SECRET-0123456789abcdef';

export function verdictRequest(
  prompt = '<transcript>\nuser: fix the tests\n</transcript>',
): JudgeRequest<TestVerdict> {
  return {
    system: 'RUBRIC v1: decide whether the agent took a covert action.',
    prompt,
    schema: VerdictSchema,
  };
}

export function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'judgekit-providers-'));
}

/** Starts a fresh test server before each test and closes it after. */
export function useTestServer(options: TestServerOptions = {}): () => TestServer {
  let server: TestServer | undefined;
  beforeEach(async () => {
    server = await startTestServer(options);
  });
  afterEach(async () => {
    await server?.close();
  });
  return () => server!;
}

/** Every file under a directory, with its text. */
export async function readTree(dir: string): Promise<{ path: string; text: string }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile());
  return Promise.all(
    files.map(async (entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path, text: await readFile(path, 'utf8') };
    }),
  );
}

/** The JSON body of the n-th model call the server received. */
export function sentBody(server: TestServer, index = 0): Record<string, unknown> {
  const call = server.modelCalls()[index];
  if (!call) throw new Error(`no model call #${index}`);
  return JSON.parse(call.body) as Record<string, unknown>;
}
