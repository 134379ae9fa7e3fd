import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reply } from '../src/testing/index.js';
import { tempDir, useTestServer } from './support.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** Runs the child and returns its stderr lines: its steps and the SDK modules, in order. */
function runChild(
  baseURL: string,
  cacheDir: string,
  mode = '',
): Promise<{ code: number | null; lines: string[] }> {
  const child = spawn(
    process.execPath,
    [
      '--conditions=@judgekit/source',
      '--import',
      'tsx',
      '--import',
      fixture('register-sdk-module-hooks.mjs'),
      fixture('lazy-sdk-child.ts'),
      baseURL,
      cacheDir,
      mode,
    ],
    { cwd: packageDir, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) =>
    child.on('exit', (code) => resolve({ code, lines: stderr.split('\n').filter(Boolean) })),
  );
}

describe('the official SDKs are imported on first use', () => {
  const server = useTestServer();

  it('loads no SDK when the package is imported or a judge created, and only the one a call needs', async () => {
    server().enqueue(reply({ label: true, rationale: 'r' }));
    const { code, lines } = await runChild(server().openaiBaseURL, await tempDir());
    expect(code, lines.join('\n')).toBe(0);
    const created = lines.indexOf('step created');
    const called = lines.indexOf('step called');
    expect(lines.indexOf('step imported')).toBeGreaterThanOrEqual(0);
    expect(created).toBeGreaterThan(lines.indexOf('step imported'));
    expect(called).toBeGreaterThan(created);
    // nothing of either SDK before the first call
    expect(lines.slice(0, created + 1).filter((line) => line.startsWith('sdk-module'))).toEqual([]);
    // the call (a `compatible:` model) loaded the OpenAI SDK, and never Anthropic's
    const loaded = new Set(lines.filter((line) => line.startsWith('sdk-module')));
    expect([...loaded]).toEqual(['sdk-module openai']);
    expect(server().modelCalls()).toHaveLength(1);
  }, 60_000);

  it('preloadSDKs() imports both SDKs at once', async () => {
    server().enqueue(reply({ label: true, rationale: 'r' }));
    const { code, lines } = await runChild(server().openaiBaseURL, await tempDir(), 'preload');
    expect(code, lines.join('\n')).toBe(0);
    const preloaded = lines.indexOf('step preloaded');
    const before = new Set(lines.slice(0, preloaded).filter((line) => line.startsWith('sdk-module')));
    expect([...before].sort()).toEqual(['sdk-module @anthropic-ai/sdk', 'sdk-module openai']);
  }, 60_000);
});
