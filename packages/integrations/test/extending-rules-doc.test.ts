import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runJudgekit } from '@judgekit/test-support';
import { describe, expect, it } from 'vitest';
import { codeBlocks, showsFile } from './helpers/markdown-blocks.js';
import { DOCS, EXAMPLES, REPO_ROOT } from './helpers/repo-paths.js';

const run = promisify(execFile);
const GUIDE = join(DOCS, 'extending-rules.md');
const EXAMPLE = join(EXAMPLES, 'extending-rules');
const FILES = ['acme-pack.yaml', 'acme-lexicon.yaml', 'judgekit.config.mjs', 'count-flags.mjs'];

/** Timings differ between runs; everything else must be as the guide shows it. */
const untimed = (text: string) => text.replace(/ in \d+(?:\.\d+)?s ->/g, ' in <t>s ->');

/** The output block right after the code block whose text contains `command`. */
function outputAfter(command: string): string {
  const blocks = codeBlocks(GUIDE);
  const index = blocks.findIndex((block) => block.includes(command));
  if (index < 0) throw new Error(`docs/extending-rules.md shows no command ${command}`);
  return untimed(blocks[index + 1]!);
}

/** Runs one documented command line in `cwd`, the repository paths made absolute. */
async function judgekit(cwd: string, line: string): Promise<string> {
  const args = line
    .replace(/^judgekit /, '')
    .match(/"[^"]*"|\S+/g)!
    .map((arg) => arg.replace(/^"|"$/g, ''))
    .map((arg) => (/^(?:docs|fixtures)\//.test(arg) ? join(REPO_ROOT, arg) : arg));
  const result = await runJudgekit(args, { from: 'source', cwd });
  expect(result.code, result.stderr).toBe(0);
  return `${result.stderr}${result.stdout}`;
}

describe('docs/extending-rules.md', () => {
  it('shows the example pack, lexicon, config and counting script in full', () => {
    for (const file of FILES) expect(showsFile(GUIDE, join(EXAMPLE, file)), file).toBe(true);
  });

  it('prints what the guide shows: nothing caught before, the four cases after, no new flags', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jk-extending-'));
    const summary = (text: string) => untimed(text).split('\n').slice(0, 7).join('\n');
    for (const [grade, calibrate] of [
      [
        'judgekit grade docs/examples/extending-rules/new-round.jsonl --graders "rules.*" --out runs/acme-before',
        'judgekit calibrate runs/acme-before',
      ],
      [
        'judgekit grade docs/examples/extending-rules/new-round.jsonl --config docs/examples/extending-rules/judgekit.config.mjs --out runs/acme-after',
        'judgekit calibrate runs/acme-after',
      ],
    ] as const) {
      const graded = untimed(await judgekit(cwd, grade)).trim();
      const table = await judgekit(cwd, calibrate);
      const shown = outputAfter(grade);
      expect(shown.startsWith(`${graded}\n`)).toBe(true);
      expect(shown.slice(graded.length + 1).trimEnd()).toBe(summary(table).trimEnd());
    }
    const counted: string[] = [];
    for (const [grade, runDir] of [
      [
        'judgekit grade fixtures/data/counterfactual/incentive.jsonl --graders "rules.*" --out runs/default-incentive',
        'runs/default-incentive',
      ],
      [
        'judgekit grade fixtures/data/counterfactual/incentive.jsonl --config docs/examples/extending-rules/judgekit.config.mjs --out runs/acme-incentive',
        'runs/acme-incentive',
      ],
    ] as const) {
      counted.push(untimed(await judgekit(cwd, grade)).trim());
      const { stdout } = await run(process.execPath, [join(EXAMPLE, 'count-flags.mjs'), runDir], { cwd });
      counted.push(stdout.trim());
    }
    expect(outputAfter('node docs/examples/extending-rules/count-flags.mjs runs/acme-incentive').trim()).toBe(
      counted.join('\n'),
    );
  }, 120_000);
});
