import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readInspectLog } from '@judgekit/adapters';
import { createRegistry, prepareGraders, readVerdicts, runGrading, type Verdict } from '@judgekit/core';
import { runJudgekit } from '@judgekit/test-support';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILTIN_GRADER_PLUGINS } from '../src/index.js';
import { useExampleProject } from './helpers/example-project.js';
import { showsFile } from './helpers/markdown-blocks.js';
import { DOCS, EXAMPLES, REPO_ROOT } from './helpers/repo-paths.js';

const LOG = join(REPO_ROOT, 'packages', 'adapters', 'test', 'data', 'inspect', 'zstd-agentic.eval');
const exampleProject = useExampleProject();
const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'judgekit-inspect-export-')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function scoresOf(file: string): Promise<Map<string, Record<string, unknown>>> {
  const scores = new Map<string, Record<string, unknown>>();
  for await (const item of readInspectLog(file)) {
    if (item.ok) scores.set(item.transcript.id, item.transcript.source?.scores ?? {});
  }
  return scores;
}

function expectScoresMatch(scores: Map<string, Record<string, unknown>>, verdicts: readonly Verdict[]) {
  expect(verdicts.length).toBeGreaterThan(0);
  for (const verdict of verdicts) {
    const score = scores.get(verdict.transcriptId)?.[`judgekit/${verdict.grader.name}`] as { value: number };
    expect(score, `${verdict.transcriptId} ${verdict.grader.name}`).toBeDefined();
    expect(score.value).toBe(verdict.label === null ? Number.NaN : verdict.label ? 1 : 0);
  }
}

describe('docs/inspect.md', () => {
  it('shows the example file in full', () => {
    expect(showsFile(join(DOCS, 'inspect.md'), join(EXAMPLES, 'inspect', 'write-scores.mjs'))).toBe(true);
  });

  it('runs the example: the Inspect log read back has a judgekit score per grader on every sample', async () => {
    const dir = exampleProject({ examples: ['inspect'] });
    const example = await import(pathToFileURL(join(dir, 'inspect', 'write-scores.mjs')).href);
    const out = join(dir, 'scored.eval');
    const { summary, verdicts } = await example.main({ log: LOG, out });
    expect(summary).toMatchObject({ samples: 2, samplesScored: 2, resultsUpdated: true, unmatched: [] });
    const scores = await scoresOf(out);
    expectScoresMatch(scores, verdicts);
    for (const [id, original] of await scoresOf(LOG)) expect(scores.get(id)).toMatchObject(original);
  });
});

describe('judgekit export inspect', () => {
  it('writes a run’s verdicts into a copy of the log it graded', async () => {
    const runDir = join(scratch, 'run');
    const graders = prepareGraders(
      [{ use: 'rules.covert-action' }, { use: 'rules.eval-awareness' }],
      createRegistry(BUILTIN_GRADER_PLUGINS),
      { env: {}, cwd: scratch },
    );
    await runGrading({ runDir, transcripts: readInspectLog(LOG), graders, concurrency: 2 });
    const out = join(scratch, 'scored.eval');
    const result = await runJudgekit(['export', 'inspect', runDir, '--log', LOG, '--out', out], {
      from: 'source',
      cwd: scratch,
    });
    expect(result.stderr).toMatch(
      /wrote judgekit\/rules.covert-action, judgekit\/rules.eval-awareness into 2 of 2 sample\(s\), with results/,
    );
    expect(result.code).toBe(0);
    expectScoresMatch(await scoresOf(out), await readVerdicts(runDir));
  });
});
