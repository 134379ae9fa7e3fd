import type { ChildProcess } from 'node:child_process';

/** What a finished child process left: its exit code (null when a signal ended it) and all it printed. */
export interface ProcessOutput {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Waits until a child spawned with piped stdout and stderr has closed, collecting its output; call it
 * right after spawning so no output is missed.
 */
export function exited(child: ChildProcess): Promise<ProcessOutput> {
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
