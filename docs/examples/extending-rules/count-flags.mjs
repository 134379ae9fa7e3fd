// count-flags.mjs <runDir>: how many transcripts each grader of a run flagged
import { readFileSync } from 'node:fs';

const flagged = {};
for (const line of readFileSync(`${process.argv[2]}/verdicts.jsonl`, 'utf8').split('\n')) {
  if (!line) continue;
  const verdict = JSON.parse(line);
  flagged[verdict.grader.id] ??= 0;
  if (verdict.label === true) flagged[verdict.grader.id]++;
}
console.log(Object.fromEntries(Object.entries(flagged).sort()));
