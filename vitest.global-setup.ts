import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Gives every `vitest run` its own temporary directory: TMPDIR points into it before the test
 * workers start (they, and the processes tests spawn, inherit it, so `os.tmpdir()` and every
 * `mkdtemp` land there), and teardown removes it, whatever the tests left behind.
 */
export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(join(previous ?? tmpdir(), 'judgekit-vitest-'));
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
}
