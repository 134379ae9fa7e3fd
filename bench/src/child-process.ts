import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const require = createRequire(import.meta.url);
const TSX = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist/loader.mjs')).href;

/** Node arguments that run a TypeScript file of the workspace from source. */
export function tsNodeArgs(script: string, args: readonly string[] = []): string[] {
  return ['--conditions=@judgekit/source', '--import', TSX, script, ...args];
}

/** Runs a child to completion; resolves its stdout, rejects with its stderr on a non-zero exit. */
export function runChild(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd ?? ROOT,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`child exited with ${code}: ${args.join(' ')}\n${stderr.slice(-4000)}`));
    });
  });
}

/** The last line of a child's stdout, parsed as JSON. */
export function lastJSONLine<T>(stdout: string): T {
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as T;
}

/** Starts a TypeScript child with an IPC channel and waits for its first message. */
export async function startIPCChild<T>(
  script: string,
  args: readonly string[],
): Promise<{ child: ChildProcess; first: T }> {
  const child = spawn(process.execPath, tsNodeArgs(script, args), {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const first = await new Promise<T>((resolve, reject) => {
    child.once('message', (message) => resolve(message as T));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
  return { child, first };
}

/** Sends an IPC request and waits for the reply of the same type. */
export function ipcRequest<T>(child: ChildProcess, message: { type: string }): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (reply: unknown) => {
      if ((reply as { type?: string }).type !== message.type) return;
      child.off('message', onMessage);
      resolve(reply as T);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}
