import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { exited } from './process-output.js';
import { sourceNodeArgs } from './source-node-args.js';

const WATCH = fileURLToPath(new URL('./watch-module-loads.mjs', import.meta.url));

/**
 * Runs a TypeScript file of this workspace from source in a child process that reports, on stderr,
 * `loaded <package>` each time a module of one of `packages` is resolved. The child marks its own
 * steps on stderr with a synchronous write (`writeSync(2, 'step …\n')`), so its lines and the
 * reports come back in the order they happened: a test can then say which packages a step loaded.
 */
export async function runWatchingModuleLoads(
  file: string,
  options: { packages: readonly string[]; args?: readonly string[]; cwd?: string },
): Promise<{ code: number | null; lines: string[] }> {
  const child = spawn(
    process.execPath,
    ['--import', WATCH, ...sourceNodeArgs(file), ...(options.args ?? [])],
    {
      cwd: options.cwd,
      env: { ...process.env, JUDGEKIT_WATCH_PACKAGES: options.packages.join(',') },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const { code, stderr } = await exited(child);
  return { code, lines: stderr.split('\n').filter(Boolean) };
}
