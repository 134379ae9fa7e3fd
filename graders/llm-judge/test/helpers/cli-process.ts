import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CORPUS_PATH } from '@judgekit/fixtures';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const BIN = join(ROOT, 'packages/cli/dist/bin.js');
/** The workspace packages the CLI runs; the built CLI is used only when all of their builds are newer than their sources. */
const PACKAGES = [
  'packages/cli',
  'packages/core',
  'packages/providers',
  'packages/adapters',
  'packages/analysis',
  'packages/report',
  'packages/stats',
  'graders/llm-judge',
  'graders/rules',
  'fixtures',
];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function builtIsFresh(): boolean {
  return PACKAGES.every((dir) => {
    const built = join(ROOT, dir, 'dist/index.js');
    return existsSync(built) && statSync(built).mtimeMs >= newest(join(ROOT, dir, 'src'));
  });
}

/**
 * How to start `judgekit` (chosen once per test file, so a run and its resume use the same code):
 * the built CLI (`packages/cli/dist/bin.js`) when every workspace build is
 * newer than its sources, otherwise the CLI's sources through tsx (same code, no stale build).
 */
export function judgekitCommand(): { mode: 'dist' | 'source'; args: string[] } {
  command ??= chooseCommand();
  return command;
}

let command: { mode: 'dist' | 'source'; args: string[] } | undefined;

function chooseCommand(): { mode: 'dist' | 'source'; args: string[] } {
  if (builtIsFresh()) return { mode: 'dist', args: [BIN] };
  const require = createRequire(import.meta.url);
  const tsx = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist/loader.mjs')).href;
  return {
    mode: 'source',
    args: ['--conditions=@judgekit/source', '--import', tsx, join(ROOT, 'packages/cli/src/bin.ts')],
  };
}

/** Starts `judgekit` in `cwd` with the local keys (never real ones) and a private cache home. */
export function spawnJudgekit(args: string[], cwd: string, env: Record<string, string> = {}): ChildProcess {
  const { args: prefix } = judgekitCommand();
  const { OPENAI_API_KEY: _o, ANTHROPIC_API_KEY: _a, JUDGEKIT_COMPATIBLE_API_KEY: _c, ...rest } = process.env;
  return spawn(process.execPath, [...prefix, ...args], {
    cwd,
    env: { ...rest, XDG_CACHE_HOME: join(cwd, 'xdg-cache'), NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs `judgekit` to completion. */
export async function runJudgekit(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnJudgekit(args, cwd, env);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}

/** Writes the first `count` transcripts of the fixture corpus to `<dir>/fixtures-subset.jsonl`. */
export function writeFixtureSubset(dir: string, count: number): string {
  const lines = readFileSync(CORPUS_PATH, 'utf8').split('\n').filter(Boolean).slice(0, count);
  const file = join(dir, 'fixtures-subset.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Files in a response cache directory (one per stored response). */
export function cachedResponses(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith('.json')).length;
}
