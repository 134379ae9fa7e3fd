import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageFolder } from './example-project.js';
import { REPO_ROOT } from './repo-paths.js';

/** The judgekit CLI's source entry. */
export const CLI_SOURCE = join(REPO_ROOT, 'packages', 'cli', 'src', 'bin.ts');

/**
 * Spawns the judgekit CLI from source (tsx, with the `@judgekit/source` condition), as a real
 * process: signals, exit codes and its own module resolution from `cwd`.
 */
export function spawnCLI(
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): ChildProcess {
  const tsx = pathToFileURL(join(packageFolder('tsx'), 'dist', 'loader.mjs')).href;
  return spawn(process.execPath, ['--conditions=@judgekit/source', '--import', tsx, CLI_SOURCE, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs the CLI to completion. */
export async function runCLIProcess(
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnCLI(args, options);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', (exit) => resolve(exit)));
  return { code, stdout, stderr };
}

/** Waits until the child's stderr matches `pattern`; returns the match. */
export function waitForOutput(
  child: ChildProcess,
  pattern: RegExp,
  timeoutMs = 20_000,
): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(
      () => reject(new Error(`timed out waiting for ${pattern}; stderr so far:\n${text}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const match = text.match(pattern);
      if (match) {
        clearTimeout(timer);
        child.stderr!.off('data', onData);
        resolve(match);
      }
    };
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the CLI exited (${code}) before printing ${pattern}:\n${text}`));
    });
  });
}
