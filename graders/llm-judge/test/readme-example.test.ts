import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { firstTypeScriptBlock, runReadmeExample } from '@judgekit/test-support';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

describe('README', () => {
  it('starts with an example that runs as written and prints what the README says', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const example = firstTypeScriptBlock(readme);
    const printed = /Prints[^\n]*\n\n```\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    expect(printed).toBeDefined();
    const result = await runReadmeExample(packageDir, example!);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(printed);
  }, 60_000);
});
