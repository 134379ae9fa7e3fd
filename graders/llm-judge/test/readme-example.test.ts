import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const generatedDir = fileURLToPath(new URL('./.generated/', import.meta.url));

describe('README', () => {
  it('starts with an example that runs as written and prints what the README says', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    const printed = /Prints[^\n]*\n\n```\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    expect(printed).toBeDefined();
    await mkdir(generatedDir, { recursive: true });
    const file = `${generatedDir}readme-example-${process.pid}.ts`;
    await writeFile(file, example!);
    try {
      const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['--conditions=@judgekit/source', '--import', 'tsx', file], {
          cwd: packageDir,
          env: { PATH: process.env.PATH ?? '' },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
        });
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
        });
        child.on('exit', (code) => resolve({ code, stdout, stderr }));
      });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(printed);
    } finally {
      await rm(file, { force: true });
    }
  }, 60_000);
});
