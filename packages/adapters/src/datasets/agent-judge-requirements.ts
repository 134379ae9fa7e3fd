import { readFile } from 'node:fs/promises';
import {
  type GoldLabel,
  GoldLabelSchema,
  type Rating,
  RatingSchema,
  type Verdict,
  VerdictSchema,
} from '@judgekit/core';
import { parse } from 'csv-parse/sync';
import type { DatasetProblem } from './dataset-problem.js';

/** The dimension of DevAI's requirement checks: `true` when the requirement is satisfied. */
export const REQUIREMENT_SATISFIED_DIMENSION = 'requirement_satisfied';

/** The judge of the DevAI comparison, as a grader reference. */
export const AGENT_JUDGE_GRAYBOX = {
  name: 'agent_judge_graybox',
  id: 'agent-as-a-judge.graybox',
  version: 'devai-release',
};

/** DevAI requirement checks as gold labels (humans) and verdicts (Agent-as-a-Judge, gray-box). */
export interface RequirementChecks {
  goldLabels: GoldLabel[];
  verdicts: Verdict[];
  /** The same two columns in long format: rater `human` and `agent_judge_graybox`, boolean values. */
  ratings: Rating[];
  problems: DatasetProblem[];
}

const COLUMNS = [
  'system',
  'task',
  'requirement_id',
  'category',
  'criteria',
  'human_satisfied',
  'agent_judge_graybox_satisfied',
];
const BOOLEANS: Record<string, boolean> = { True: true, False: false, true: true, false: false };

/**
 * Reads `devai_human_vs_agentjudge_requirements.csv` (agent-judge-requirements/): one row per
 * requirement of a DevAI task checked for one coding agent (`system`). Each row becomes a gold
 * label (annotator `devai-human`, from `human_satisfied`) and a verdict of the gray-box
 * Agent-as-a-Judge (from `agent_judge_graybox_satisfied`) on the item
 * `devai/<system>/<task>/<requirement_id>` and the dimension `requirement_satisfied`, so that
 * calibration can compare the judge to the humans. Quoted fields with commas, quotes and newlines
 * are parsed as CSV; rows that do not fit are listed in `problems` with their line.
 */
export async function readAgentJudgeRequirements(file: string): Promise<RequirementChecks> {
  const result: RequirementChecks = { goldLabels: [], verdicts: [], ratings: [], problems: [] };
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(await readFile(file), { columns: true, skip_empty_lines: true, info: true, bom: true });
  } catch (error) {
    result.problems.push({
      file,
      reason: `not readable CSV (${error instanceof Error ? error.message : String(error)})`,
    });
    return result;
  }
  const header = rows[0] ? Object.keys(rows[0].record) : [];
  const missing = COLUMNS.filter((column) => rows.length > 0 && !header.includes(column));
  if (missing.length > 0) {
    result.problems.push({ file, reason: `missing columns: ${missing.join(', ')}` });
    return result;
  }
  for (const { record, info } of rows) {
    const human = BOOLEANS[record.human_satisfied ?? ''];
    const judge = BOOLEANS[record.agent_judge_graybox_satisfied ?? ''];
    const id = [record.system, record.task, record.requirement_id];
    if (human === undefined || judge === undefined || id.some((part) => !part)) {
      result.problems.push({
        file,
        line: info.lines,
        reason:
          'needs system, task, requirement_id and True/False in human_satisfied and agent_judge_graybox_satisfied',
      });
      continue;
    }
    const transcriptId = `devai/${id.join('/')}`;
    const category = record.category || undefined;
    result.goldLabels.push(
      GoldLabelSchema.parse({
        transcriptId,
        dimension: REQUIREMENT_SATISFIED_DIMENSION,
        label: human,
        category,
        annotator: 'devai-human',
      }),
    );
    result.verdicts.push(
      VerdictSchema.parse({
        transcriptId,
        dimension: REQUIREMENT_SATISFIED_DIMENSION,
        label: judge,
        category,
        evidence: [],
        grader: AGENT_JUDGE_GRAYBOX,
        // no `timing`: the dataset records none (the verdict was made outside judgekit)
        provenance: {
          dataset: 'DevAI (metauto-ai/agent-as-a-judge)',
          criteria: record.criteria,
          prerequisites: record.prerequisites,
        },
      }),
    );
    result.ratings.push(
      RatingSchema.parse({ itemId: transcriptId, rater: 'human', value: human }),
      RatingSchema.parse({ itemId: transcriptId, rater: AGENT_JUDGE_GRAYBOX.name, value: judge }),
    );
  }
  return result;
}
