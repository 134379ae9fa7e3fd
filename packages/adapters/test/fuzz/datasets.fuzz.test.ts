import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  readAgentJudgeRequirements,
  readAgentSafetyTrajectories,
  readPairwiseJudgeAgreement,
} from '../../src/index.js';
import { collect } from '../helpers/collect.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { junkJson, RUNS } from './arbitraries.js';

const tempDir = useTempDir();
const HEADER =
  'system,task,requirement_id,category,criteria,prerequisites,human_satisfied,agent_judge_graybox_satisfied';
const csvField = fc.oneof(
  fc.constantFrom('True', 'False', '', '"a,b"', '"x\n""y"""', '[0, 1]'),
  fc.string({ maxLength: 12 }),
);

describe('fuzzing the dataset loaders', () => {
  it('reads any CSV into labels, verdicts and problems without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(csvField, { minLength: 0, maxLength: 9 }), { maxLength: 6 }),
        async (rows) => {
          const file = join(tempDir(), 'r.csv');
          writeFileSync(file, [HEADER, ...rows.map((row) => row.join(','))].join('\n'));
          const result = await readAgentJudgeRequirements(file);
          expect(result.goldLabels).toHaveLength(result.verdicts.length);
          expect(result.ratings).toHaveLength(result.goldLabels.length * 2);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('reads any JSON in the pairwise files into ratings and problems without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(junkJson, junkJson, junkJson, async (humans, gpt, pandalm) => {
        const dir = join(tempDir(), 'pairwise');
        mkdirSync(dir);
        writeFileSync(join(dir, 'testset-v1.json'), JSON.stringify(humans));
        writeFileSync(join(dir, 'gpt-3.5-turbo-testset-v1.json'), JSON.stringify(gpt));
        writeFileSync(join(dir, 'pandalm-7b-testset-v1.json'), JSON.stringify(pandalm));
        const { ratings, problems } = await readPairwiseJudgeAgreement(dir);
        expect(Array.isArray(ratings) && Array.isArray(problems)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('reads any JSON array of trajectories into transcripts and error items', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(junkJson, { maxLength: 6 }), async (records) => {
        const file = join(tempDir(), 'AgentJudge-security.json');
        writeFileSync(file, JSON.stringify(records));
        const items = await collect(readAgentSafetyTrajectories(file));
        expect(items).toHaveLength(records.length);
      }),
      { numRuns: RUNS },
    );
  });
});
