import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ComparisonConfig, plugins } from '../src/index.js';

const README = fileURLToPath(new URL('../README.md', import.meta.url));
const SOURCE = fileURLToPath(new URL('../src/index.ts', import.meta.url));

/** The fenced blocks of a Markdown text, with their language tags, in order. */
function fencedBlocks(markdown: string): { language: string; body: string }[] {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((match) => ({
    language: match[1]!,
    body: match[2]!,
  }));
}

describe('the README', () => {
  let directory: string | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('starts with an example that prints exactly the lines shown under it', async () => {
    const blocks = fencedBlocks(await readFile(README, 'utf8'));
    const example = blocks[0]!;
    const output = blocks[1]!;
    expect(example.language).toBe('ts');
    expect(output.language).toBe('text');
    directory = await mkdtemp(join(tmpdir(), 'judgekit-readme-'));
    const file = join(directory, 'example.ts');
    await writeFile(file, example.body.replace(`'@judgekit/grader-distribution'`, JSON.stringify(SOURCE)));
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...values: unknown[]) => {
      lines.push(values.join(' '));
    });
    await import(file);
    expect(lines.join('\n')).toBe(output.body.trimEnd());
  });

  it("lists each grader's defaults as the plugins define them", async () => {
    const markdown = await readFile(README, 'utf8');
    for (const plugin of plugins) {
      const row = markdown.split('\n').find((line) => line.startsWith(`| \`${plugin.id}\` |`));
      expect(row, plugin.id).toBeDefined();
      const cells = row!.split('|').map((cell) => cell.trim());
      const config = plugin.config.parse({}) as ComparisonConfig;
      const [, , dimension, metric, where, conditions, alternative, minimumEffect] = cells;
      expect(dimension, plugin.id).toBe(config.dimension ?? '(as configured)');
      expect(metric, plugin.id).toBe(
        config.metric === undefined ? "every grader's verdicts in the run" : `\`${config.metric}\``,
      );
      expect(where, plugin.id).toBe(config.where === undefined ? '–' : `\`${config.where}\``);
      const { treatment, control } = config.conditions;
      expect(conditions, plugin.id).toBe(treatment ? `\`${treatment}\` vs \`${control}\`` : 'inferred');
      expect(alternative, plugin.id).toBe(config.alternative);
      expect(Number(minimumEffect), plugin.id).toBe(config.minimumEffect);
    }
  });

  it('documents every option of the shared schema', async () => {
    const markdown = await readFile(README, 'utf8');
    const keys = Object.keys((plugins[0]!.config as unknown as { shape: Record<string, unknown> }).shape);
    expect(keys.length).toBeGreaterThan(15);
    for (const key of keys) {
      const documented = key === 'conditions' ? '| `conditions.treatment`' : `| \`${key}\` |`;
      expect(markdown, key).toContain(documented);
    }
  });
});
