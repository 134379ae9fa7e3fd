import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { REQUIREMENT_SATISFIED_DIMENSION, readAgentJudgeRequirements } from '@judgekit/adapters';
import { describe, expect, it } from 'vitest';
import { calibrate, correctPrevalence } from '../../src/index.js';

const FILE = fileURLToPath(
  new URL(
    '../../../../../shared/data/agent-judge-requirements/devai_human_vs_agentjudge_requirements.csv',
    import.meta.url,
  ),
);

/** `devai/<system>/<task>/<requirement>` → its system and task. */
function parts(transcriptId: string): { system: string; task: string } {
  const [, system, task] = transcriptId.split('/');
  return { system: system!, task: task! };
}

describe.skipIf(!existsSync(FILE))(
  `DevAI requirement checks, agent judge vs humans (${FILE}; skipped when absent)`,
  () => {
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
      for (const held of systems) {
        const inSystem = (id: string) => parts(id).system === held;
        const calibration = calibrate(
          verdicts.filter((verdict) => !inSystem(verdict.transcriptId)),
          goldLabels.filter((label) => !inSystem(label.transcriptId)),
          { resamples: 200, breakdowns: [] },
        ).graders[0]!;
        const run = verdicts.filter((verdict) => inSystem(verdict.transcriptId));
        const report = correctPrevalence({
          verdicts: run,
          grader: 'agent_judge_graybox',
          dimension: REQUIREMENT_SATISFIED_DIMENSION,
          calibration,
          gold: goldLabels.filter((label) => inSystem(label.transcriptId)),
        });
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
  },
);
