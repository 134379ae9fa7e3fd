/**
 * The real-data runs of docs/agreement-on-real-data.md, printed as the docs show them:
 * agreement on PandaLM's three-annotator pairwise test set, and calibration plus prevalence
 * correction of the Agent-as-a-Judge on DevAI's human requirement checks.
 *
 *   node --conditions=@judgekit/source --import tsx packages/analysis/scripts/real-data.ts [dataDir]
 *
 * dataDir defaults to ../shared/data beside the repository.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  REQUIREMENT_SATISFIED_DIMENSION,
  readAgentJudgeRequirements,
  readPairwiseJudgeAgreement,
} from '@judgekit/adapters';
import type { Rating } from '@judgekit/core';
import {
  agreementSummary,
  calibrate,
  correctPrevalence,
  type Estimate,
  majorityRatings,
} from '../src/index.js';

const dataDir = process.argv[2] ?? fileURLToPath(new URL('../../../../shared/data', import.meta.url));
const HUMANS = ['annotator1', 'annotator2', 'annotator3'];

const number = (value: number | null, digits = 3) => (value === null ? 'n/a' : value.toFixed(digits));
const estimate = (value: Estimate, digits = 3) =>
  value.ci
    ? `${number(value.value, digits)} [${number(value.ci.lower, digits)}, ${number(value.ci.upper, digits)}]`
    : number(value.value, digits);
const percent = (value: Estimate) =>
  value.value === null
    ? 'n/a'
    : `${(value.value * 100).toFixed(1)}%${value.ci ? ` [${(value.ci.lower * 100).toFixed(1)}%, ${(value.ci.upper * 100).toFixed(1)}%]` : ''}`;

async function pandaLM(): Promise<void> {
  const { ratings, problems } = await readPairwiseJudgeAgreement(join(dataDir, 'pairwise-judge-agreement'));
  console.log(
    `# PandaLM pairwise test set: ${new Set(ratings.map((r) => r.itemId)).size} items, ${problems.length} problems`,
  );
  const humans = agreementSummary(
    ratings.filter((rating) => HUMANS.includes(rating.rater)),
    { resamples: 1000 },
  );
  console.log('\n## Among the three human annotators (95% item-bootstrap CIs, 1000 resamples)');
  console.log(`percent agreement              ${estimate(humans.percentAgreement)}`);
  console.log(`Fleiss' kappa                  ${estimate(humans.fleissKappa)}`);
  console.log(`Krippendorff's alpha (nominal) ${estimate(humans.krippendorffAlpha)}`);
  console.log(`Gwet's AC1                     ${estimate(humans.gwetAC1)}`);
  for (const pair of humans.pairs)
    console.log(`Cohen's kappa ${pair.a} vs ${pair.b}: ${estimate(pair.cohenKappa)}`);

  const against = (values: readonly Rating[], title: string) => {
    const majority = majorityRatings(values, HUMANS, 'human-majority');
    const summary = agreementSummary([...values, ...majority], {
      reference: 'human-majority',
      resamples: 200,
    });
    console.log(`\n## Judges against the human majority: ${title}`);
    console.log('rater          items  answered  agreed  agreement (missing = disagreement)  on answered');
    for (const entry of summary.reference!.raters.filter((entry) => !HUMANS.includes(entry.rater)))
      console.log(
        `${entry.rater.padEnd(13)}  ${String(entry.items).padStart(5)}  ${String(entry.answered).padStart(8)}  ${String(entry.agreed).padStart(6)}  ${percent(entry.agreement).padEnd(34)}  ${percent(entry.agreementAnswered)}`,
      );
    return summary;
  };
  against(
    ratings.map((rating) =>
      rating.rater === 'gpt-3.5-turbo' && rating.value === '0' ? { ...rating, value: 'Tie' } : rating,
    ),
    'GPT\'s "Tie" compared verbatim (never equal to the humans\' 0), as the published figure does',
  );
  const matched = against(ratings, 'GPT\'s "Tie" read as the tie label 0 (the adapter\'s mapping)');
  const judges = matched.pairs.find((pair) => pair.a === 'gpt-3.5-turbo' && pair.b === 'pandalm-7b')!;
  console.log(
    `\nCohen's kappa gpt-3.5-turbo vs pandalm-7b on ${judges.items} items: ${estimate(judges.cohenKappa)}`,
  );
}

async function devAI(): Promise<void> {
  const file = join(dataDir, 'agent-judge-requirements', 'devai_human_vs_agentjudge_requirements.csv');
  const { goldLabels, verdicts, problems } = await readAgentJudgeRequirements(file);
  console.log(
    `\n# DevAI requirement checks: ${verdicts.length} judge verdicts, ${goldLabels.length} human labels, ${problems.length} problems`,
  );
  const taskOf = (id: string) => id.split('/')[2]!;
  const systemOf = (id: string) => id.split('/')[1]!;
  const environments = new Map(
    verdicts.map((verdict) => [verdict.transcriptId, taskOf(verdict.transcriptId)]),
  );
  const entry = calibrate(verdicts, goldLabels, { environments, resamples: 2000, breakdowns: [] })
    .graders[0]!;
  const c = entry.confusion;
  console.log(
    `\n## Agent judge (gray-box) vs humans on "${REQUIREMENT_SATISFIED_DIMENSION}", CIs: cluster bootstrap over ${entry.clusters} tasks`,
  );
  console.log(
    `confusion: TP ${c.truePositives}  FP ${c.falsePositives}  FN ${c.falseNegatives}  TN ${c.trueNegatives}`,
  );
  for (const [name, value] of Object.entries(entry.metrics))
    console.log(`${name.padEnd(12)} ${estimate(value)}`);

  console.log('\n## Satisfied rate of each agent, with error rates measured on the other two agents');
  console.log(
    'held-out   naive                   Rogan-Gladen            PPI++ (25% labelled)     human rate',
  );
  const hash = (id: string) => createHash('sha256').update(id).digest('hex');
  for (const held of [...new Set(verdicts.map((verdict) => systemOf(verdict.transcriptId)))].sort()) {
    const inHeld = (id: string) => systemOf(id) === held;
    const calibration = calibrate(
      verdicts.filter((verdict) => !inHeld(verdict.transcriptId)),
      goldLabels.filter((label) => !inHeld(label.transcriptId)),
      { resamples: 200, breakdowns: [] },
    ).graders[0]!;
    const run = verdicts.filter((verdict) => inHeld(verdict.transcriptId));
    const heldGold = goldLabels.filter((label) => inHeld(label.transcriptId));
    const subset = [...heldGold].sort((a, b) => hash(a.transcriptId).localeCompare(hash(b.transcriptId)));
    const options = {
      verdicts: run,
      grader: 'agent_judge_graybox',
      dimension: REQUIREMENT_SATISFIED_DIMENSION,
      calibration,
    };
    const corrected = correctPrevalence(options);
    const ppi = correctPrevalence({ ...options, gold: subset.slice(0, Math.round(subset.length / 4)) });
    const truth = correctPrevalence({ ...options, gold: heldGold }).goldRate!;
    console.log(
      `${held.padEnd(9)}  ${percent(corrected.naive).padEnd(22)}  ${percent({ value: corrected.corrected!.value, ci: corrected.corrected!.ci }).padEnd(22)}  ${percent({ value: ppi.ppi!.value, ci: ppi.ppi!.ci }).padEnd(23)}  ${percent(truth)} (n ${truth.n})`,
    );
  }
}

await pandaLM();
await devAI();
