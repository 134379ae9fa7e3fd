import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const script = fileURLToPath(new URL('./fixtures/judge-child.ts', import.meta.url));

/** One line the child printed per answer. */
export interface ChildAnswer {
  index: number;
  calls: number;
  cached: boolean;
}

/** Starts the judge child process; `answers` fills as it prints. */
export function startJudgeChild(baseURL: string, cacheDir: string, count: number) {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=@judgekit/source', '--import', 'tsx', script, baseURL, cacheDir, String(count)],
    { cwd: packageDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const answers: ChildAnswer[] = [];
  let stderr = '';
  let buffered = '';
  const listeners: (() => void)[] = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) answers.push(JSON.parse(line) as ChildAnswer);
    for (const listener of listeners.splice(0)) listener();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    answers,
    exited,
    stderr: () => stderr,
    /** Resolves once the child has printed at least `n` answers. */
    async waitForAnswers(n: number): Promise<void> {
      while (answers.length < n) {
        if (child.exitCode !== null) throw new Error(`child exited early: ${stderr}`);
        await new Promise<void>((resolve) => {
          listeners.push(resolve);
          child.once('exit', () => resolve());
        });
      }
    },
  };
}
