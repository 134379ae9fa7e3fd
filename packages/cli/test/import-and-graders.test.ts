import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCLI, temporaryDirectory, writeCorpus } from './helpers.js';

describe('judgekit graders', () => {
  it('prints id, kind, dimensions, version and needsKey as JSON', async () => {
    const result = await runCLI(['graders', '--json']);
    const graders = JSON.parse(result.stdout) as { id: string; kind: string; needsKey: boolean }[];
    const covert = graders.find((grader) => grader.id === 'rules.covert-action');
    expect(covert).toMatchObject({ kind: 'rule', needsKey: false, dimensions: ['covert_action'] });
    expect(Object.keys(covert!)).toEqual(
      expect.arrayContaining(['id', 'kind', 'dimensions', 'version', 'needsKey']),
    );
  });

  it('names the config field that is wrong', async () => {
    const dir = temporaryDirectory();
    writeFileSync(join(dir, 'judgekit.config.json'), JSON.stringify({ concurency: 4 }));
    const result = await runCLI(['graders'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/judgekit.config.json: .*concurency/);
  });

  it('loads a typescript config', async () => {
    const dir = temporaryDirectory();
    writeFileSync(
      join(dir, 'ts-only.mjs'),
      `export default {
        spec: 'judgekit.grader/v1', id: 'test.from-ts-config', version: '1.0.0', kind: 'rule',
        dimensions: ['covert_action'], views: ['all'], needsKey: false,
        config: { safeParse: (value) => ({ success: true, data: value }) },
        docs: { description: 'Listed only when the TypeScript config was read.' },
        create: () => ({ type: 'transcript', grade: () => [{ dimension: 'covert_action', label: false }] }),
      };`,
    );
    writeFileSync(
      join(dir, 'judgekit.config.ts'),
      "const config: { concurrency: number; plugins: string[] } = { concurrency: 3, plugins: ['./ts-only.mjs'] };\nexport default config;\n",
    );
    const result = await runCLI(['graders', '--json'], dir);
    expect(result.code, result.stderr).toBe(0);
    // the plugin is named in the TypeScript config only: it is listed when that file was loaded
    const ids = (JSON.parse(result.stdout) as { id: string }[]).map((grader) => grader.id);
    expect(ids).toContain('test.from-ts-config');
    expect(ids).toContain('rules.covert-action');
  });
});

describe('judgekit import', () => {
  it('writes normalized JSONL, one transcript per line', async () => {
    const dir = temporaryDirectory();
    const input = writeCorpus(dir, 4);
    const out = join(dir, 'out.jsonl');
    const result = await runCLI(['import', input, '--from', 'jsonl', '--out', out]);
    expect(result.stderr).toMatch(/imported 4 transcript/);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(JSON.parse(lines[0]!).messages[0].content).toEqual([
      { type: 'text', text: 'Draft replies; never send email without approval.' },
    ]);
  });

  it('refuses an unknown format, listing the known ones', async () => {
    const dir = temporaryDirectory();
    const result = await runCLI(['import', writeCorpus(dir, 1), '--from', 'yaml']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/Allowed choices are auto, jsonl, inspect, openai, anthropic/);
  });

  it('reads a bundled fixture set named in place of a path, and lists the sets for an unknown name', async () => {
    const dir = temporaryDirectory();
    const out = join(dir, 'counterfactual.jsonl');
    const result = await runCLI(['import', 'fixtures:counterfactual', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const written = readFileSync(out, 'utf8').trim().split('\n').length;
    expect(result.stderr).toBe(`imported ${written} transcript(s)\n`);
    expect(written).toBeGreaterThan(0);

    const unknown = await runCLI(['import', 'fixtures:nosuch']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'unknown fixture set "fixtures:nosuch"; known: fixtures, fixtures:corpus, fixtures:eval-cue, fixtures:incentive, fixtures:counterfactual',
    );
  });
});
