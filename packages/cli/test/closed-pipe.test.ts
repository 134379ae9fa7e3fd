import { describe, expect, it } from 'vitest';
import { spawnCLI, temporaryDirectory, writeCorpus } from './helpers.js';

/** Runs the built CLI with a reader that closes stdout before anything is written (`judgekit … | head -0`). */
async function runWithClosedReader(
  args: string[],
  cwd: string,
): Promise<{ code: number | null; stderr: string }> {
  const child = spawnCLI(args, cwd);
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  return { code, stderr };
}

describe('a reader that stops early (judgekit … | head)', () => {
  it('ends a command that prints one document quietly, with status 0', async () => {
    const result = await runWithClosedReader(['graders', '--json'], temporaryDirectory());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('ends a command that streams its output quietly, with status 0', async () => {
    const dir = temporaryDirectory();
    const corpus = writeCorpus(dir, 2000);
    const result = await runWithClosedReader(['import', corpus], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
