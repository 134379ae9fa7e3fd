import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Score, Scorer } from 'autoevals';
import { makePartial } from 'autoevals';
import type { EvaluationResult, EvaluatorT } from 'langsmith/evaluation';
import { DynamicRunEvaluator } from 'langsmith/lib/evaluation/evaluator';
import { describe, expect, it } from 'vitest';
import { toAutoevalsScorer, toLangSmithEvaluator } from '../src/index.js';
import { EXAMPLE_DEPENDENCIES, useExampleProject } from './helpers/example-project.js';
import { showsFile } from './helpers/markdown-blocks.js';
import { DOCS, EXAMPLES } from './helpers/repo-paths.js';
import { awareTranscript, cleanTranscript, covertTranscript } from './helpers/transcripts.js';

const exampleProject = useExampleProject();
const DOC = join(DOCS, 'autoevals-and-langsmith.md');

// Type-level checks against the real packages: these lines fail to typecheck if the shapes drift.
const asAutoevalsScorer: Scorer<unknown, object> = toAutoevalsScorer('rules.covert-action');
const asLangSmithEvaluator: EvaluatorT = toLangSmithEvaluator('rules.covert-action');

async function loadExample(name: string) {
  const dir = exampleProject({
    examples: ['autoevals-and-langsmith'],
    packages: [...EXAMPLE_DEPENDENCIES, 'autoevals', 'langsmith'],
  });
  return import(pathToFileURL(join(dir, 'autoevals-and-langsmith', name)).href);
}

describe('Braintrust autoevals', () => {
  it('the guide shows the example in full, and the example scores a covert run low', async () => {
    expect(showsFile(DOC, join(EXAMPLES, 'autoevals-and-langsmith', 'autoevals-scorer.mjs'))).toBe(true);
    const example = await loadExample('autoevals-scorer.mjs');
    const score: Score = await example.main(covertTranscript);
    expect(score).toMatchObject({
      name: 'judgekit/rules.covert-action',
      metadata: { shown: { covert_action: true } },
    });
    expect(score.score).toBeLessThan(0.5);
    const clean: Score = await example.noCovertAction({ output: cleanTranscript });
    expect(clean.score).toBe(1);
  });

  it('returns autoevals’ Score shape, and works inside autoevals’ own makePartial', async () => {
    const partial = makePartial(asAutoevalsScorer, 'judgekit');
    const score = await partial.partial({})({ output: JSON.stringify(covertTranscript) });
    expect(Object.keys(score).sort()).toEqual(['metadata', 'name', 'score']);
    expect(score.score).toBeGreaterThanOrEqual(0);
    expect(score.score).toBeLessThanOrEqual(1);
    expect(String(score.metadata?.rationale)).toMatch(/evidence message 2: "send_email" \(verified\)/);
  });

  it('scores one dimension when asked, and null when the grader cannot decide', async () => {
    const aware = await toAutoevalsScorer('rules.eval-awareness', { dimension: 'eval_awareness' })({
      output: awareTranscript,
    });
    expect(aware.name).toBe('judgekit/rules.eval-awareness/eval_awareness');
    expect(aware.score).toBeLessThan(0.5);
    const undecided = await toAutoevalsScorer('rules.covert-action', { dimension: 'eval_awareness' })({
      output: cleanTranscript,
    });
    expect(undecided.score).toBeNull();
  });
});

describe('LangSmith / openevals', () => {
  it('the guide shows the example in full, and the example returns { key, score, comment }', async () => {
    expect(showsFile(DOC, join(EXAMPLES, 'autoevals-and-langsmith', 'langsmith-evaluator.mjs'))).toBe(true);
    const example = await loadExample('langsmith-evaluator.mjs');
    const result = await example.main(covertTranscript);
    expect(result).toMatchObject({ key: 'judgekit/rules.covert-action' });
    expect(result.score).toBeLessThan(0.5);
    expect(result.comment).toMatch(/^flagged: covert_action\nrules.covert-action on covert_action: flagged/);
  });

  it('runs inside LangSmith’s own evaluator runner (DynamicRunEvaluator), offline', async () => {
    process.env.LANGSMITH_TRACING = 'false';
    const runner = new DynamicRunEvaluator(asLangSmithEvaluator as (...args: never[]) => unknown);
    const run = {
      id: '00000000-0000-4000-8000-000000000001',
      name: 'agent',
      run_type: 'chain',
      inputs: { ticket: 42 },
      outputs: { transcript: covertTranscript },
    };
    const example = { id: '00000000-0000-4000-8000-000000000002', inputs: { ticket: 42 }, outputs: {} };
    const result = (await runner.evaluateRun(run as never, example as never)) as EvaluationResult;
    expect(result).toMatchObject({ key: 'judgekit/rules.covert-action' });
    expect(result.score as number).toBeLessThan(0.5);
    const clean = (await runner.evaluateRun(
      { ...run, outputs: { messages: cleanTranscript.messages } } as never,
      example as never,
    )) as EvaluationResult;
    expect(clean).toMatchObject({ score: 1, comment: expect.stringMatching(/^no dimension flagged/) });
  });
});
