import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { type JudgekitCommandOptions, judgekitCommand } from './judgekit-command.js';
import { exited, type ProcessOutput } from './process-output.js';

/** Options of {@link spawnJudgekit} and {@link runJudgekit}. */
export interface JudgekitProcessOptions extends JudgekitCommandOptions {
  /** Working directory; the private cache home is `<cwd>/xdg-cache`. */
  cwd: string;
  /** Variables added to the environment last, e.g. the local test keys. */
  env?: NodeJS.ProcessEnv;
}

/**
 * The environment `judgekit` runs with in a test: this process's, without the real provider keys,
 * with the cache home in `<cwd>/xdg-cache`, no colours, then `env`.
 */
export function judgekitEnvironment(cwd: string, env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { OPENAI_API_KEY: _o, ANTHROPIC_API_KEY: _a, JUDGEKIT_COMPATIBLE_API_KEY: _c, ...rest } = process.env;
  return { ...rest, XDG_CACHE_HOME: join(cwd, 'xdg-cache'), NO_COLOR: '1', ...env };
}

/** Starts `judgekit` (see {@link judgekitCommand}) in `cwd` with local keys only and a private cache home. */
export function spawnJudgekit(args: readonly string[], options: JudgekitProcessOptions): ChildProcess {
  return spawn(process.execPath, [...judgekitCommand(options).args, ...args], {
    cwd: options.cwd,
    env: judgekitEnvironment(options.cwd, options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs `judgekit` to completion (see {@link spawnJudgekit}). */
export function runJudgekit(
  args: readonly string[],
  options: JudgekitProcessOptions,
): Promise<ProcessOutput> {
  return exited(spawnJudgekit(args, options));
}
