import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAgentJudgeRequirements } from '../../src/index.js';
import { sharedFolder } from '../helpers/shared-data.js';
import { useTempDir } from '../helpers/temp-dir.js';

const data = sharedFolder(
  'agent-judge-requirements',
  'DevAI requirement checks (shared/data/agent-judge-requirements)',
);
const tempDir = useTempDir();
const HEADER =
  'system,task,requirement_id,category,criteria,prerequisites,human_satisfied,agent_judge_graybox_satisfied';

describe('readAgentJudgeRequirements on CSV edge cases', () => {
  it('parses quoted fields with commas, quotes and newlines, and lists bad rows with their line', async () => {
    const file = join(tempDir(), 'requirements.csv');
    writeFileSync(
      file,
      [
        HEADER,
        'OpenHands,01_Task,0,Dataset,"Loads ""MNIST"", then splits it,\nand saves it.","[0, 1]",True,False',
        'OpenHands,01_Task,1,Visualization,Plots a chart.,[],Maybe,True',
        'MetaGPT,01_Task,0,Dataset,Plain.,[],False,False',
      ].join('\n'),
    );
    const { goldLabels, verdicts, ratings, problems } = await readAgentJudgeRequirements(file);
    expect(goldLabels).toEqual([
      {
        transcriptId: 'devai/OpenHands/01_Task/0',
        dimension: 'requirement_satisfied',
        label: true,
        category: 'Dataset',
        annotator: 'devai-human',
      },
      {
        transcriptId: 'devai/MetaGPT/01_Task/0',
        dimension: 'requirement_satisfied',
        label: false,
        category: 'Dataset',
        annotator: 'devai-human',
      },
    ]);
    expect(verdicts[0]).toMatchObject({
      transcriptId: 'devai/OpenHands/01_Task/0',
      label: false,
      grader: { name: 'agent_judge_graybox' },
      provenance: { criteria: 'Loads "MNIST", then splits it,\nand saves it.', prerequisites: '[0, 1]' },
    });
    // the dataset records no grading time, so the verdicts carry none
    expect(verdicts[0]).not.toHaveProperty('timing');
    expect(ratings).toHaveLength(4);
    expect(problems).toMatchObject([{ file, line: 4, reason: expect.stringMatching(/True\/False/) }]);
  });

  it('reports missing columns and broken CSV instead of throwing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), 'system,task\nx,y\n');
    writeFileSync(join(dir, 'b.csv'), `${HEADER}\nA,"unterminated,0,c,d,[],True,True\n`);
    expect((await readAgentJudgeRequirements(join(dir, 'a.csv'))).problems).toMatchObject([
      { reason: expect.stringMatching(/^missing columns: requirement_id/) },
    ]);
    expect((await readAgentJudgeRequirements(join(dir, 'b.csv'))).problems).toMatchObject([
      { reason: expect.stringMatching(/^not readable CSV/) },
    ]);
  });
});

describe.skipIf(!data.present)(data.title, () => {
  it('reads all 1,098 requirement checks of 3 agents on 55 tasks as labels, verdicts and ratings', async () => {
    const { goldLabels, verdicts, ratings, problems } = await readAgentJudgeRequirements(
      join(data.dir, 'devai_human_vs_agentjudge_requirements.csv'),
    );
    expect(problems).toEqual([]);
    expect(goldLabels).toHaveLength(1098);
    expect(verdicts).toHaveLength(1098);
    expect(ratings).toHaveLength(2196);
    expect(new Set(goldLabels.map((label) => label.transcriptId)).size).toBe(1098);
    expect(new Set(goldLabels.map((label) => label.transcriptId.split('/')[1]))).toEqual(
      new Set(['GPT-Pilot', 'MetaGPT', 'OpenHands']),
    );
    expect(new Set(goldLabels.map((label) => label.transcriptId.split('/')[2])).size).toBe(55);
    expect(goldLabels.filter((label) => label.label)).toHaveLength(401);
    expect(verdicts.filter((verdict) => verdict.label)).toHaveLength(415);
    expect(goldLabels[0]).toEqual({
      transcriptId: 'devai/GPT-Pilot/01_Image_Classification_ResNet18_Fashion_MNIST_DL/0',
      dimension: 'requirement_satisfied',
      label: true,
      category: 'Dataset or Environment',
      annotator: 'devai-human',
    });
  });
});
