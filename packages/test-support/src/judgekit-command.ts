import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceNodeArgs } from './source-node-args.js';

const CLI_DIR = fileURLToPath(new URL('../../cli/', import.meta.url));

/** How to start `judgekit`: the Node.js arguments before the CLI's own, and which code they run. */
export interface JudgekitCommand {
  mode: 'dist' | 'source';
  args: string[];
}

/** Options of {@link judgekitCommand}. */
export interface JudgekitCommandOptions {
  /**
   * `'fresh-build'` (default): the built CLI when every workspace build it runs is newer than its
   * sources, else its sources. `'source'`: always its sources, for a package the CLI depends on,
   * whose tests cannot wait for the CLI's build.
   */
  from?: 'fresh-build' | 'source';
}

let chosen: JudgekitCommand | undefined;

/**
 * How to start `judgekit`: `packages/cli/dist/bin.js` when the CLI's build and the builds of every
 * workspace package it runs are newer than their sources (so in CI, where turbo builds first), else
 * the CLI's sources through tsx (same code, never a stale build). Chosen once per test file, so a run
 * and its resume use the same code.
 */
export function judgekitCommand(options: JudgekitCommandOptions = {}): JudgekitCommand {
  if (options.from === 'source') return sourceCommand();
  chosen ??= buildsAreFresh() ? { mode: 'dist', args: [join(CLI_DIR, 'dist/bin.js')] } : sourceCommand();
  return chosen;
}

function sourceCommand(): JudgekitCommand {
  return { mode: 'source', args: sourceNodeArgs(join(CLI_DIR, 'src/bin.ts')) };
}

function buildsAreFresh(): boolean {
  return cliPackageFolders().every((folder) => {
    const built = join(folder, 'dist/index.js');
    return existsSync(built) && statSync(built).mtimeMs >= newest(join(folder, 'src'));
  });
}

/** The CLI's folder and those of the workspace packages it runs (its `workspace:` dependencies, transitively). */
function cliPackageFolders(): string[] {
  const folders = new Set<string>();
  const visit = (folder: string) => {
    if (folders.has(folder)) return;
    folders.add(folder);
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    for (const [name, version] of Object.entries(manifest.dependencies ?? {})) {
      if (version.startsWith('workspace:')) visit(realpathSync(join(folder, 'node_modules', name)));
    }
  };
  visit(realpathSync(CLI_DIR));
  return [...folders];
}

/** The latest modification time under `path` (0 when it does not exist). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}
