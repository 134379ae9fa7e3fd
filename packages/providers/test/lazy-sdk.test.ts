import { fileURLToPath } from 'node:url';
import { runWatchingModuleLoads } from '@judgekit/test-support';
import { describe, expect, it } from 'vitest';
import { reply } from '../src/testing/index.js';
import { tempDir, useTestServer } from './support.js';

const CHILD = fileURLToPath(new URL('./fixtures/lazy-sdk-child.ts', import.meta.url));
const SDKS = ['openai', '@anthropic-ai/sdk'];

/** The child's stderr lines: its steps and the SDK modules resolved, in order. */
async function runChild(baseURL: string, cacheDir: string, mode = '') {
  return runWatchingModuleLoads(CHILD, { packages: SDKS, args: [baseURL, cacheDir, mode] });
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
    expect(lines.slice(0, created + 1).filter((line) => line.startsWith('loaded'))).toEqual([]);
    // the call (a `compatible:` model) loaded the OpenAI SDK, and never Anthropic's
    const loaded = new Set(lines.filter((line) => line.startsWith('loaded')));
    expect([...loaded]).toEqual(['loaded openai']);
    expect(server().modelCalls()).toHaveLength(1);
  }, 60_000);

  it('preloadSDKs() imports both SDKs at once', async () => {
    server().enqueue(reply({ label: true, rationale: 'r' }));
    const { code, lines } = await runChild(server().openaiBaseURL, await tempDir(), 'preload');
    expect(code, lines.join('\n')).toBe(0);
    const preloaded = lines.indexOf('step preloaded');
    const before = new Set(lines.slice(0, preloaded).filter((line) => line.startsWith('loaded')));
    expect([...before].sort()).toEqual(['loaded @anthropic-ai/sdk', 'loaded openai']);
  }, 60_000);
});
