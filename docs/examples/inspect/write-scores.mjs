// Grade an Inspect log with judgekit graders and write the verdicts back into
// a copy of the log as `judgekit/<grader>` scores, shown in Inspect's viewer
// beside the task's own scorers:
//   node write-scores.mjs logs/task.eval logs/task.judgekit.eval
import { readInspectLog, writeInspectScores } from '@judgekit/adapters';
import { createGrader } from '@judgekit/integrations';

export async function main({ log, out }) {
  const graders = [createGrader('rules.covert-action'), createGrader('rules.eval-awareness')];
  const verdicts = [];
  for await (const item of readInspectLog(log)) {
    if (!item.ok) {
      console.warn(`skipped: ${item.error.message}`);
      continue;
    }
    for (const grader of graders) {
      verdicts.push(...(await grader.grade(item.transcript)));
    }
  }
  const summary = await writeInspectScores({ log, out, verdicts });
  const { scorers, samplesScored, samples } = summary;
  console.log(`${scorers}: ${samplesScored} of ${samples} samples -> ${out}`);
  return { summary, verdicts };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main({ log: process.argv[2], out: process.argv[3] });
}
