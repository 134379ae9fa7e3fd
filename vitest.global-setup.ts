import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Loaded into every test worker and spawned process: records connections to hosts other than loopback. */
const OFFLINE_GUARD = new URL('./vitest.offline-guard.mjs', import.meta.url).href;

/**
 * Gives every `vitest run` its own temporary directory: TMPDIR points into it before the test
 * workers start (they, and the processes tests spawn, inherit it, so `os.tmpdir()` and every
 * `mkdtemp` land there), and teardown removes it, whatever the tests left behind.
 *
 * Tests never touch the internet: NODE_OPTIONS, inherited the same way, loads
 * `vitest.offline-guard.mjs`, which writes every connection attempted to a host other than
 * loopback to a file in that directory; `vitest.offline-check.ts` fails the test file that made
 * one, and teardown prints the whole list.
 */
export default function setup(): () => void {
  const previous = { TMPDIR: process.env.TMPDIR, NODE_OPTIONS: process.env.NODE_OPTIONS };
  const dir = mkdtempSync(join(previous.TMPDIR ?? tmpdir(), 'judgekit-vitest-'));
  const offlineLog = join(dir, 'outbound-connections.log');
  process.env.TMPDIR = dir;
  process.env.JUDGEKIT_OFFLINE_LOG = offlineLog;
  process.env.NODE_OPTIONS = [previous.NODE_OPTIONS, `--import=${JSON.stringify(OFFLINE_GUARD)}`]
    .filter(Boolean)
    .join(' ');
  return () => {
    const outbound = existsSync(offlineLog) ? readFileSync(offlineLog, 'utf8').trim() : '';
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    delete process.env.JUDGEKIT_OFFLINE_LOG;
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    if (outbound !== '')
      console.error(`tests must not touch the internet; connections attempted:\n${outbound}`);
  };
}
