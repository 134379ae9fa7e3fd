import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createRegistry,
  prepareGraders,
  RunDirError,
  runGrading,
  type Transcript,
  TranscriptSchema,
  type TranscriptSourceItem,
} from '@judgekit/core';
import { defineTestGrader } from '@judgekit/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  compareConditions,
  comparisonConfigSchema,
  formatComparisonTable,
  loadRunCorpus,
  loadTranscriptCorpus,
} from '../src/index.js';

/** Reads judgekit JSONL (a stand-in for `readTranscripts` of @judgekit/adapters). */
async function* readJsonl(file: string): AsyncGenerator<TranscriptSourceItem> {
  for (const line of (await readFile(file, 'utf8')).split('\n')) {
    if (line.trim() === '') continue;
    const parsed = TranscriptSchema.safeParse(JSON.parse(line));
    if (parsed.success) yield { ok: true, transcript: parsed.data };
    else yield { ok: false, error: { name: 'InvalidTranscriptError', reason: 'invalid' } as never };
  }
}

function transcripts(): Transcript[] {
  const arms: [string, string, number][] = [
    ['shifty', 'eval_cue', 2],
    ['shifty', 'no_eval_cue', 20],
    ['calm', 'eval_cue', 4],
    ['calm', 'no_eval_cue', 5],
  ];
  return arms.flatMap(([environment, condition, events]) =>
    Array.from({ length: 50 }, (_, index) => ({
      id: `${environment}-${condition}-${index}`,
      messages: [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Do the task.' }] }],
      environment,
      condition,
      metadata: { covertAction: index < events },
    })),
  );
}

const flagFromMetadata = defineTestGrader({
  id: 'test.flag',
  description: 'Flags transcripts whose metadata says covertAction, for tests.',
  grade: (transcript: Transcript) => [
    { dimension: 'covert_action', label: (transcript.metadata as { covertAction: boolean }).covertAction },
  ],
});

describe('loading a corpus to compare', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'judgekit-compare-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('reads transcript files without their messages and counts invalid records', async () => {
    const file = join(directory, 'set.jsonl');
    await writeFile(
      file,
      `${transcripts()
        .map((t) => JSON.stringify(t))
        .join('\n')}\n{"id": ""}\n`,
    );
    const { corpus, invalid } = await loadTranscriptCorpus([file], readJsonl);
    expect(corpus.records.length).toBe(200);
    expect(invalid).toBe(1);
    expect('messages' in corpus.records[0]!).toBe(false);
  });

  it("reads a run directory: the manifest's input files and the run's verdicts", async () => {
    const file = join(directory, 'set.jsonl');
    await writeFile(
      file,
      `${transcripts()
        .map((t) => JSON.stringify(t))
        .join('\n')}\n`,
    );
    const runDir = join(directory, 'run');
    const graders = prepareGraders(
      [{ use: 'test.flag', name: 'flagger' }],
      createRegistry([flagFromMetadata]),
      {
        env: {},
        cwd: directory,
      },
    );
    await runGrading({
      runDir,
      graders,
      transcripts: readJsonl(file),
      inputs: [{ path: 'set.jsonl', sha256: 'x', bytes: 1 }],
    });
    const { corpus } = await loadRunCorpus(runDir, { readTranscripts: readJsonl, cwd: directory });
    expect(corpus.records.length).toBe(200);
    expect(corpus.verdicts.length).toBe(200);
    const findings = compareConditions(corpus, comparisonConfigSchema().parse({}));
    expect(findings.map((finding) => [finding.metric, finding.environment, finding.flagged])).toEqual([
      ['verdict:flagger', 'calm', false],
      ['verdict:flagger', 'shifty', true],
      ['verdict:flagger', 'pooled', true],
    ]);
    await expect(loadRunCorpus(runDir, { readTranscripts: readJsonl, cwd: tmpdir() })).rejects.toSatisfy(
      (error: unknown) => RunDirError.isInstance(error) && /input set.jsonl .* is not at/.test(error.message),
    );
  });
});

describe('formatComparisonTable', () => {
  it('shows each environment and the pooled row with estimates, effect, tests, p-values, flags and low power', async () => {
    const records = transcripts().map(({ messages: _messages, ...record }) => record);
    const config = comparisonConfigSchema().parse({ metric: 'metadata.covertAction' });
    const text = formatComparisonTable(compareConditions({ records, verdicts: [] }, config), config);
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      'metadata.covertAction: eval_cue vs no_eval_cue — two-sided, holm across environments, α = 0.05, minimum effect 0.1, 95% intervals',
    );
    expect(lines[1]).toMatch(
      /^environment\s+n\s+eval_cue\s+no_eval_cue\s+effect\s+test\s+p\s+p adj\.\s+flag\s+power$/,
    );
    const shifty = lines.find((line) => line.startsWith('shifty'))!;
    expect(shifty).toMatch(
      /^shifty\s+50\/50\s+0\.040 \[0\.011, 0\.135\]\s+0\.400 \[0\.276, 0\.538\]\s+−0\.360 \[/,
    );
    expect(shifty).toMatch(/N−1 χ²\s+[\d.e−]+\s+[\d.e−]+\s+FLAG/);
    expect(lines.find((line) => line.startsWith('calm'))).not.toMatch(/FLAG/);
    expect(lines.find((line) => line.startsWith('pooled'))).toMatch(/^pooled\s+100\/100 .* CMH /);
    expect(text).toContain("N−1 χ² = 'N − 1' chi-square (Campbell 2007); CMH = Cochran-Mantel-Haenszel");
    expect(lines.find((line) => line.startsWith('calm'))).toMatch(/\d+%$/);
  });
});
