import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { defaultEvalAwarenessLexicon, loadLexicon, loadRulePack, mergeLexicons } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('starts with the runnable example that examples/quick-start.ts holds (typechecked and run below)', () => {
    const example = readFileSync(new URL('../examples/quick-start.ts', import.meta.url), 'utf8');
    const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBe(example);
  });

  it('runs the example: both graders flag the demo transcript', async () => {
    const lines: string[] = [];
    const log = console.log;
    console.log = (...parts: unknown[]) => lines.push(parts.map(String).join(' '));
    try {
      await import('../examples/quick-start.js');
    } finally {
      console.log = log;
    }
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^rules\.covert-action true 0\.85 concealed_rule_violation/);
    expect(lines[1]).toMatch(/^rules\.eval-awareness true /);
  });

  it('documents a rule pack and a lexicon that validate', () => {
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => parseYaml(match[1]!));
    expect(blocks).toHaveLength(2);
    const pack = loadRulePack(blocks[0]);
    expect(pack.rules.map((rule) => rule.id)).toEqual(['storage.public-upload', 'exfil.secret-then-network']);
    const lexicon = mergeLexicons([defaultEvalAwarenessLexicon(), loadLexicon(blocks[1])]);
    expect(lexicon.families.find((family) => family.id === 'observation')?.cues).toContain('panopticon');
  });

  it('holds a generated calibration table on the test split and measured bench figures', () => {
    const calibration = readme.slice(
      readme.indexOf('<!-- calibration:start -->'),
      readme.indexOf('<!-- calibration:end -->'),
    );
    expect(calibration).toMatch(/Split \*\*test\*\*/);
    expect(calibration).toMatch(/\| `rules\.eval-awareness` \| all \(default\)/);
    const bench = readme.slice(readme.indexOf('<!-- bench:start -->'), readme.indexOf('<!-- bench:end -->'));
    expect(bench).toMatch(/MB\/s/);
  });
});
