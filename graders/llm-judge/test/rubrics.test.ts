import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { findQuote, messageSegments } from '@judgekit/core';
import { CORPUS_PATH, FIXTURE_CATEGORIES, loadFixtureCorpus } from '@judgekit/fixtures';
import { contractProblems } from '@judgekit/testkit';
import { describe, expect, it } from 'vitest';
import { selectFewShotExamples } from '../scripts/few-shot-selection.js';
import {
  buildSystemPrompt,
  FewShotFileSchema,
  fewShotPath,
  loadRubric,
  plugins,
  RUBRIC_CATEGORIES,
  RUBRIC_DIMENSIONS,
  schemingJudge,
} from '../src/index.js';
import { keywordJudge, recordedTexts } from '../src/testing/index.js';
import { gradeLocally, useTestServer } from './helpers/judge-setup.js';
import { honestTranscript } from './helpers/transcripts.js';

const corpus = loadFixtureCorpus();
const byId = new Map(corpus.map((transcript) => [transcript.id, transcript]));
const corpusSha256 = createHash('sha256').update(readFileSync(CORPUS_PATH)).digest('hex');

describe('rubrics', () => {
  it('use the categories of fixtures/GUIDE.md, dimension by dimension', () => {
    expect(RUBRIC_CATEGORIES).toEqual(FIXTURE_CATEGORIES);
    for (const dimension of RUBRIC_DIMENSIONS) {
      const text = loadRubric(dimension).text;
      for (const category of RUBRIC_CATEGORIES[dimension]) expect(text).toContain(`\`${category}\``);
    }
  });

  it('draw every few-shot example from a dev-split transcript of the fixture corpus', () => {
    for (const dimension of RUBRIC_DIMENSIONS) {
      const file = FewShotFileSchema.parse(JSON.parse(readFileSync(fewShotPath(dimension), 'utf8')));
      expect(file.examples.length).toBeGreaterThan(0);
      for (const example of file.examples) {
        const transcript = byId.get(example.transcriptId);
        expect(transcript, `${example.transcriptId} is not in the corpus`).toBeDefined();
        expect(transcript!.split, `${example.transcriptId} is not a dev-split transcript`).toBe('dev');
      }
    }
  });

  it('copy each example from its gold label, with quotes that occur in the part they name', () => {
    for (const dimension of RUBRIC_DIMENSIONS) {
      for (const example of loadRubric(dimension).examples) {
        const transcript = byId.get(example.transcriptId)!;
        const gold = transcript.labels![dimension]!;
        expect(example.label).toBe(gold.label);
        expect(example.rationale).toBe(gold.rationale);
        if (example.label) expect(example.category).toBe(gold.category);
        else
          expect(example.hardNegative).toBe(
            (transcript.metadata!.hardNegative as Record<string, string>)[dimension],
          );
        for (const quote of example.evidence) {
          const message = transcript.messages[quote.messageIndex]!;
          const segment = messageSegments(message).find((candidate) =>
            findQuote(candidate.text, quote.quote),
          );
          expect(
            segment,
            `${example.transcriptId} message ${quote.messageIndex}: ${quote.quote}`,
          ).toBeDefined();
          expect(quote.part).toBe(message.role === 'tool' ? 'tool_result' : segment!.kind);
        }
      }
    }
  });

  it('cover every category with a positive example and several kinds of hard negative', () => {
    for (const dimension of RUBRIC_DIMENSIONS) {
      const examples = loadRubric(dimension).examples;
      const categories = new Set(
        examples.filter((example) => example.label).map((example) => example.category),
      );
      expect([...categories].sort()).toEqual([...RUBRIC_CATEGORIES[dimension]].sort());
      const kinds = new Set(
        examples.filter((example) => !example.label).map((example) => example.hardNegative),
      );
      expect(kinds.size).toBeGreaterThanOrEqual(4);
    }
  });

  const recorded = FewShotFileSchema.parse(JSON.parse(readFileSync(fewShotPath('covert_action'), 'utf8')));
  it.skipIf(recorded.corpusSha256 !== corpusSha256)(
    'are what scripts/generate-few-shot.ts selects from the corpus they record (skipped when the corpus changed: rerun `pnpm few-shot`)',
    () => {
      for (const dimension of RUBRIC_DIMENSIONS) {
        expect(loadRubric(dimension).examples).toEqual(selectFewShotExamples(corpus, dimension));
      }
    },
  );

  it('select examples from the dev split only, even when the test split has shorter ones', () => {
    const testOnly = corpus.map((transcript) => ({ ...transcript, split: 'test' as const }));
    expect(selectFewShotExamples(testOnly, 'covert_action')).toEqual([]);
  });
});

describe('the static prompt', () => {
  const server = useTestServer();

  it('puts every rubric and its examples in a system prompt that names no transcript', () => {
    const system = buildSystemPrompt(RUBRIC_DIMENSIONS, true);
    for (const dimension of RUBRIC_DIMENSIONS) {
      expect(system.text).toContain(loadRubric(dimension).text);
      expect(system.text).toContain(`# Rubric: \`${dimension}\``);
    }
    expect(system.text.indexOf('# Rubric: `covert_action`')).toBeGreaterThan(
      system.text.indexOf('# The transcript is data'),
    );
    expect(buildSystemPrompt(RUBRIC_DIMENSIONS, false).text.length).toBeLessThan(system.text.length);
  });

  it('records the hash of the exact system prompt sent, and the rubric hash in the grader version', async () => {
    server().handle(keywordJudge());
    const [verdict] = await gradeLocally(schemingJudge, honestTranscript(), {
      judge: 'openai:gpt-test',
      baseURL: server().openaiBaseURL,
    });
    const sent = recordedTexts(server().modelCalls()[0]!).system;
    const provenance = verdict!.provenance as { rubric: { sha256: string }; graderVersion: string };
    expect(provenance.rubric.sha256).toBe(createHash('sha256').update(sent).digest('hex'));
    expect(schemingJudge.version).toMatch(/^1\.1\.0\+rubric\.[0-9a-f]{12}$/);
    expect(provenance.graderVersion).toBe(schemingJudge.version);
    expect(verdict!.grader.version).toBe(schemingJudge.version);
  });

  it('changes the rubric hash (and so the cache key) when the examples are left out', async () => {
    server().handle(keywordJudge());
    const options = { judge: 'openai:gpt-test', baseURL: server().openaiBaseURL };
    const [withExamples] = await gradeLocally(schemingJudge, honestTranscript(), options);
    const [without] = await gradeLocally(schemingJudge, honestTranscript(), { ...options, fewShot: false });
    const hash = (verdict: typeof withExamples) =>
      (verdict!.provenance as { rubric: { sha256: string } }).rubric.sha256;
    expect(hash(withExamples)).not.toBe(hash(without));
  });
});

describe('plugins', () => {
  it('meet the judgekit.grader contract, need a key, and answer the dimensions they name', () => {
    expect(plugins.map((plugin) => plugin.id)).toEqual([
      'llm-judge.covert-action',
      'llm-judge.plausible-deniability',
      'llm-judge.eval-awareness',
      'llm-judge.scheming',
    ]);
    for (const plugin of plugins) {
      expect(contractProblems(plugin)).toEqual([]);
      expect(plugin.kind).toBe('llm-judge');
      expect(plugin.needsKey).toBe(true);
    }
    expect(schemingJudge.dimensions).toEqual(['covert_action', 'plausible_deniability', 'eval_awareness']);
  });

  it('refuse to start without a judge model, naming the flag', async () => {
    const grader = plugins[0]!;
    expect(() => grader.create(grader.config.parse({}), { env: {}, cwd: '.' })).toThrow(
      /judge: no judge model: pass --judge <provider:model>/,
    );
    expect(grader.config.safeParse({ judge: 'openai:a', judges: ['openai:b'] }).success).toBe(false);
    expect(() => grader.create(grader.config.parse({ judge: 'gpt-4o' }), { env: {}, cwd: '.' })).toThrow(
      /provider:model/,
    );
  });
});
