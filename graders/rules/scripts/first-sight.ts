/**
 * Grades a set of phrasings written apart from the fixtures (the format of `test/data/*-phrasings.json`:
 * rounds of positive and negative items, each a reasoning sentence or a whole scenario) with one
 * rule grader, and prints what it catches and what it wrongly flags. Run it on a new round *before*
 * adding cues for it: that count is the honest estimate of recall on phrasing nobody tuned for.
 *
 *   pnpm --filter @judgekit/grader-rules exec tsx --conditions=@judgekit/source scripts/first-sight.ts \
 *     --grader rules.eval-awareness --file new-round.json [--round 5]
 */
import { resolve } from 'node:path';
import { grade } from '@judgekit/core';
import { scriptArgs } from '@judgekit/test-support';
import { plugins } from '../src/index.js';
import {
  type PhrasingSet,
  phrasingName,
  phrasingTranscript,
  readPhrasingSet,
} from '../test/helpers/phrasings.js';

const USAGE = `
Usage: tsx --conditions=@judgekit/source scripts/first-sight.ts --grader rules.eval-awareness --file round.json [--round N]

Grades a phrasing set (test/data/*-phrasings.json format) with one rule grader and prints what it
catches and wrongly flags. Run it on a new round before adding cues for it.
`;
const { values } = scriptArgs(USAGE, {
  options: {
    grader: { type: 'string', default: 'rules.eval-awareness' },
    file: { type: 'string' },
    round: { type: 'string' },
  },
});
const grader = plugins.find((plugin) => plugin.id === values.grader);
if (!grader)
  throw new Error(`--grader: no rule grader ${values.grader} (${plugins.map((p) => p.id).join(', ')})`);
if (!values.file)
  throw new Error('--file: a phrasing set (JSON, see test/data/eval-awareness-phrasings.json)');
// relative to where the command was typed (pnpm --filter runs scripts in the package folder)
const file = resolve(process.env.INIT_CWD ?? process.cwd(), values.file);
let set: PhrasingSet;
try {
  set = readPhrasingSet(file);
} catch (error) {
  throw new Error(`--file ${file}: ${error instanceof Error ? error.message : String(error)}`);
}
const rounds = values.round ? set.rounds.filter((round) => round.round === Number(values.round)) : set.rounds;
if (rounds.length === 0) throw new Error(`--round ${values.round}: not in ${values.file}`);

for (const { round, positive, negative } of rounds) {
  let caught = 0;
  let wrong = 0;
  for (const [kind, items] of [
    ['positive', positive],
    ['negative', negative],
  ] as const) {
    for (const item of items) {
      const [verdict] = await grade(phrasingTranscript(item, kind === 'negative'), grader);
      const label = verdict!.label === true;
      if (kind === 'positive' && label) caught++;
      if (kind === 'negative' && label) wrong++;
      if (label !== (kind === 'positive'))
        console.log(`round ${round} ${kind === 'positive' ? 'missed ' : 'flagged'} ${phrasingName(item)}`);
    }
  }
  console.log(
    `round ${round}: caught ${caught}/${positive.length} positives, flagged ${wrong}/${negative.length} negatives (${grader.id})`,
  );
}
