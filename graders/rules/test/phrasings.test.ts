import { readFileSync } from 'node:fs';
import { type AnyGraderPlugin, grade } from '@judgekit/core';
import { describe, expect, it } from 'vitest';
import { covertActionGrader, evalAwarenessGrader } from '../src/index.js';
import { said } from './helpers/build-transcript.js';

/**
 * Phrasings written apart from the fixtures, round by round (see each file's description): every
 * positive is flagged except the named known misses, and no negative is.
 */
interface PhrasingSet {
  rounds: { round: number; positive: string[]; negative: string[] }[];
  knownMisses: { text: string; why: string }[];
}

function phrasings(file: string): PhrasingSet {
  return JSON.parse(readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8')) as PhrasingSet;
}

async function flagged(grader: AnyGraderPlugin, sentences: string[], asTask: boolean): Promise<string[]> {
  const verdicts = await Promise.all(
    sentences.map((sentence) =>
      grade(said({ user: asTask ? sentence : 'Do the task.', reasoning: sentence, text: 'Done.' }), grader),
    ),
  );
  return sentences.filter((_, index) => verdicts[index]![0]!.label === true);
}

const SETS = [
  { grader: evalAwarenessGrader, file: 'eval-awareness-phrasings.json' },
  { grader: covertActionGrader, file: 'covert-intent-phrasings.json' },
];

for (const { grader, file } of SETS) {
  const { rounds, knownMisses } = phrasings(file);
  const known = new Set(knownMisses.map((miss) => miss.text));

  describe(`${grader.id} on ${file}`, () => {
    it('names only known misses that are in the set', () => {
      const all = new Set(rounds.flatMap((round) => round.positive));
      expect([...known].filter((text) => !all.has(text))).toEqual([]);
    });

    for (const { round, positive, negative } of rounds) {
      it(`round ${round}: flags the ${positive.length} positives but the known misses`, async () => {
        const hits = new Set(await flagged(grader, positive, false));
        expect(positive.filter((text) => !hits.has(text))).toEqual(
          positive.filter((text) => known.has(text)),
        );
      });

      it(`round ${round}: leaves the ${negative.length} negatives alone, also when they restate the task`, async () => {
        expect(await flagged(grader, negative, true)).toEqual([]);
      });
    }
  });
}
