import { REQUIREMENT_SATISFIED_DIMENSION, readAgentJudgeRequirements } from '@judgekit/adapters';
import { sharedFolder } from '@judgekit/test-support';
import { describe, expect, it } from 'vitest';
import { calibrate, correctPrevalence } from '../../src/index.js';

const data = sharedFolder(
  'agent-judge-requirements',
  'DevAI requirement checks, agent judge vs humans (shared/data/agent-judge-requirements)',
);
const FILE = `${data.dir}/devai_human_vs_agentjudge_requirements.csv`;

/** `devai/<system>/<task>/<requirement>` → its system and task. */
function parts(transcriptId: string): { system: string; task: string } {
  const [, system, task] = transcriptId.split('/');
  return { system: system!, task: task! };
}

describe.skipIf(!data.present)(data.title, () => {
  it('calibrates the gray-box agent judge against the human labels, clustered by task', async () => {
    const { goldLabels, verdicts, problems } = await readAgentJudgeRequirements(FILE);
    expect(problems).toEqual([]);
    expect(goldLabels).toHaveLength(1098);
    const environments = new Map(
      verdicts.map((verdict) => [verdict.transcriptId, parts(verdict.transcriptId).task]),
    );
    const report = calibrate(verdicts, goldLabels, { environments, resamples: 2000, breakdowns: [] });
    const entry = report.graders[0]!;
    expect(entry.dimension).toBe(REQUIREMENT_SATISFIED_DIMENSION);
    expect(entry.clusters).toBe(55);
    const { truePositives, falsePositives, falseNegatives, trueNegatives } = entry.confusion;
    expect(truePositives + falsePositives + falseNegatives + trueNegatives).toBe(1098);
    console.log(JSON.stringify({ confusion: entry.confusion, metrics: entry.metrics }));
  });

  it('corrects the judge’s satisfied rate on one agent with error rates measured on the other two', async () => {
    const { goldLabels, verdicts } = await readAgentJudgeRequirements(FILE);
    const systems = [...new Set(verdicts.map((verdict) => parts(verdict.transcriptId).system))].sort();
    expect(systems).toEqual(['GPT-Pilot', 'MetaGPT', 'OpenHands']);
    for (const held of systems) {
      const inSystem = (id: string) => parts(id).system === held;
      const calibration = calibrate(
        verdicts.filter((verdict) => !inSystem(verdict.transcriptId)),
        goldLabels.filter((label) => !inSystem(label.transcriptId)),
        { resamples: 200, breakdowns: [] },
      ).graders[0]!;
      const run = verdicts.filter((verdict) => inSystem(verdict.transcriptId));
      const gold = goldLabels.filter((label) => inSystem(label.transcriptId));
      const report = correctPrevalence({
        verdicts: run,
        grader: 'agent_judge_graybox',
        dimension: REQUIREMENT_SATISFIED_DIMENSION,
        calibration,
        gold,
      });
      // every requirement of the held-out agent is graded: its flag rate is the naive estimate
      expect(run).toHaveLength(366);
      const flagged = run.filter((verdict) => verdict.label === true).length;
      expect(report.naive.value).toBeCloseTo(flagged / run.length, 12);
      // the error rates are the other two agents' confusion matrix
      const { truePositives, falsePositives, falseNegatives, trueNegatives } = calibration.confusion;
      expect(report.errorRates).toMatchObject({
        truePositives,
        goldPositives: truePositives + falseNegatives,
        trueNegatives,
        goldNegatives: trueNegatives + falsePositives,
      });
      // Rogan-Gladen: (naive + specificity − 1) / (sensitivity + specificity − 1), within [0, 1]
      const sensitivity = truePositives / (truePositives + falseNegatives);
      const specificity = trueNegatives / (trueNegatives + falsePositives);
      const corrected = (flagged / run.length + specificity - 1) / (sensitivity + specificity - 1);
      expect(corrected).toBeGreaterThan(0);
      expect(corrected).toBeLessThan(1);
      expect(report.corrected!.value).toBeCloseTo(corrected, 12);
      expect(report.corrected!.ci!.lower).toBeLessThan(corrected);
      expect(report.corrected!.ci!.upper).toBeGreaterThan(corrected);
      // the held-out agent's own human labels give its true rate beside the estimates
      expect(report.goldRate!.n).toBe(gold.length);
      expect(report.goldRate!.value).toBeCloseTo(
        gold.filter((label) => label.label === true).length / gold.length,
        12,
      );
      console.log(
        held,
        JSON.stringify({
          naive: report.naive,
          corrected: report.corrected,
          gold: report.goldRate,
          rates: report.errorRates,
        }),
      );
    }
  });
});
