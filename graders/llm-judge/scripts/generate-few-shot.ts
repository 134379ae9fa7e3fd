/**
 * Writes `rubrics/examples/<dimension>.v1.json`: the LLM judge's few-shot examples, drawn from the
 * dev split of the fixture corpus only. Run after the corpus changes:
 *   pnpm --filter @judgekit/grader-llm-judge few-shot
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { CORPUS_PATH, loadFixtureCorpus } from '@judgekit/fixtures';
import { FEW_SHOT_FORMAT, type FewShotFile } from '../src/rubric/few-shot-schema.js';
import { RUBRIC_DIMENSIONS } from '../src/rubric/rubric-dimensions.js';
import { fewShotPath } from '../src/rubric/rubric-files.js';
import { selectFewShotExamples } from './few-shot-selection.js';

const corpus = loadFixtureCorpus();
const corpusSha256 = createHash('sha256').update(readFileSync(CORPUS_PATH)).digest('hex');
for (const dimension of RUBRIC_DIMENSIONS) {
  const file: FewShotFile = {
    format: FEW_SHOT_FORMAT,
    dimension,
    generatedBy: 'scripts/generate-few-shot.ts from @judgekit/fixtures data/corpus.jsonl, split dev',
    corpusSha256,
    examples: selectFewShotExamples(corpus, dimension),
  };
  const path = fewShotPath(dimension);
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
  const positives = file.examples.filter((item) => item.label).length;
  console.log(`${path}: ${positives} positive, ${file.examples.length - positives} hard negative examples`);
}
