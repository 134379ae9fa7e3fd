import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const BIN = join(ROOT, 'packages/cli/dist/bin.js');
/** Workspace packages `judgekit grade` runs; their builds must be newer than their sources to use dist. */
const PACKAGES = [
  'packages/cli',
  'packages/core',
  'packages/providers',
  'packages/adapters',
  'graders/llm-judge',
  'graders/rules',
  'graders/distribution',
];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/**
 * How to start `judgekit`: `node packages/cli/dist/bin.js` when every build it runs is newer than its
 * sources (always so in CI, where turbo builds first), else the same CLI from source through tsx, so
 * a stale build is never what gets tested.
 */
export function judgekitCommand(): { mode: 'dist' | 'source'; args: string[] } {
  const fresh = PACKAGES.every((dir) => {
    const built = join(ROOT, dir, 'dist/index.js');
    return existsSync(built) && statSync(built).mtimeMs >= newest(join(ROOT, dir, 'src'));
  });
  if (fresh) return { mode: 'dist', args: [BIN] };
  const require = createRequire(import.meta.url);
  const tsx = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist/loader.mjs')).href;
  return {
    mode: 'source',
    args: ['--conditions=@judgekit/source', '--import', tsx, join(ROOT, 'packages/cli/src/bin.ts')],
  };
}

/** Starts `judgekit` in `cwd` with local keys only and a private cache home. */
export function spawnJudgekit(args: readonly string[], cwd: string): ChildProcess {
  const { OPENAI_API_KEY: _o, ANTHROPIC_API_KEY: _a, JUDGEKIT_COMPATIBLE_API_KEY: _c, ...rest } = process.env;
  return spawn(process.execPath, [...judgekitCommand().args, ...args], {
    cwd,
    env: { ...rest, XDG_CACHE_HOME: join(cwd, 'xdg-cache'), NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Waits for a child to exit; resolves its exit code (null when killed) and its output. */
export function exited(
  child: ChildProcess,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}
