import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { TranscriptSchema, type TranscriptSourceItem } from '@judgekit/core';
import { COUNTERFACTUAL_EVAL_CUE_PATH, COUNTERFACTUAL_INCENTIVE_PATH } from '@judgekit/fixtures';
import { describe, expect, it } from 'vitest';
import {
  type ComparisonConfig,
  compareConditions,
  formatComparisonTable,
  loadTranscriptCorpus,
  plugins,
} from '../src/index.js';

const GUIDE = fileURLToPath(new URL('../../../docs/comparing-conditions.md', import.meta.url));
const FIXTURE_SETS: Record<string, string[]> = {
  'fixtures:eval-cue': [COUNTERFACTUAL_EVAL_CUE_PATH],
  'fixtures:incentive': [COUNTERFACTUAL_INCENTIVE_PATH],
  'fixtures:counterfactual': [COUNTERFACTUAL_EVAL_CUE_PATH, COUNTERFACTUAL_INCENTIVE_PATH],
};

async function* readJsonl(file: string): AsyncGenerator<TranscriptSourceItem> {
  for (const line of (await readFile(file, 'utf8')).split('\n')) {
    if (line.trim() !== '') yield { ok: true, transcript: TranscriptSchema.parse(JSON.parse(line)) };
  }
}

/** The `judgekit compare` flags the guide uses, as `compare-command.ts` maps them to options. */
function configOf(args: string[]): { inputs: string[]; config: ComparisonConfig; json: boolean } {
  const inputs: string[] = [];
  const options: Record<string, unknown> = {};
  let grader = 'distribution.compare';
  let json = false;
  const conditions: Record<string, string> = {};
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const value = () => args[++index]!;
    if (!arg.startsWith('--')) inputs.push(arg);
    else if (arg === '--json') json = true;
    else if (arg === '--grader') grader = value();
    else if (arg === '--metric') options.metric = value();
    else if (arg === '--by') options.by = value();
    else if (arg === '--where') options.where = value();
    else if (arg === '--treatment' || arg === '--control') conditions[arg.slice(2)] = value();
    else throw new Error(`the guide uses ${arg}: teach this test how compare-command.ts maps it`);
  }
  const plugin = plugins.find((candidate) => candidate.id === grader)!;
  const defaults = plugin.config.parse({}) as ComparisonConfig;
  if (Object.keys(conditions).length > 0) options.conditions = { ...defaults.conditions, ...conditions };
  return { inputs, config: plugin.config.parse(options) as ComparisonConfig, json };
}

/** Each `judgekit compare` over bundled fixture sets in the guide, with the block that follows it. */
function examples(markdown: string): { command: string; language: string; output: string }[] {
  const blocks = [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)];
  const found: { command: string; language: string; output: string }[] = [];
  blocks.forEach((block, index) => {
    const lines = block[2]!.trim().split('\n');
    if (block[1] !== 'sh' || lines.length !== 1 || !lines[0]!.startsWith('judgekit compare fixtures:'))
      return;
    const next = blocks[index + 1]!;
    found.push({ command: lines[0]!, language: next[1]!, output: next[2]! });
  });
  return found;
}

describe.skipIf(!existsSync(COUNTERFACTUAL_INCENTIVE_PATH))('docs/comparing-conditions.md', () => {
  it('shows the real output of each `judgekit compare` on the bundled counterfactual sets', async () => {
    const found = examples(await readFile(GUIDE, 'utf8'));
    expect(found.length).toBe(5);
    for (const example of found) {
      const { inputs, config, json } = configOf(example.command.split(/\s+/).slice(2));
      const files = inputs.flatMap((input) => FIXTURE_SETS[input]!);
      const { corpus } = await loadTranscriptCorpus(files, readJsonl);
      const findings = compareConditions(corpus, config);
      if (!json) {
        expect(example.output, example.command).toBe(formatComparisonTable(findings, config));
        continue;
      }
      const shown = JSON.parse(example.output) as { environment: string; metric: string };
      const finding = findings.find((f) => f.environment === shown.environment && f.metric === shown.metric)!;
      expect(shown, example.command).toEqual(
        JSON.parse(JSON.stringify({ ...finding, ci: finding.effect.ci ?? null })),
      );
    }
  });
});
