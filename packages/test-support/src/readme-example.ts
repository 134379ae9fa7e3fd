import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exited, type ProcessOutput } from './process-output.js';
import { sourceNodeArgs } from './source-node-args.js';

/** The first ```ts block of a Markdown text: a package README's runnable example. */
export function firstTypeScriptBlock(markdown: string): string | undefined {
  return /```ts\n([\s\S]*?)```/.exec(markdown)?.[1];
}

/**
 * Runs a README's example as written: saved as a file of the package (in `test/.generated/`, removed
 * afterwards) so its imports resolve as the package's own, through tsx with the `@judgekit/source`
 * condition, in the package's folder, with nothing but `PATH` in its environment.
 */
export async function runReadmeExample(packageDir: string, example: string): Promise<ProcessOutput> {
  const generatedDir = join(packageDir, 'test', '.generated');
  await mkdir(generatedDir, { recursive: true });
  const file = join(generatedDir, `readme-example-${process.pid}.ts`);
  await writeFile(file, example);
  try {
    return await exited(
      spawn(process.execPath, sourceNodeArgs(file), {
        cwd: packageDir,
        env: { PATH: process.env.PATH ?? '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
  } finally {
    await rm(file, { force: true });
  }
}
