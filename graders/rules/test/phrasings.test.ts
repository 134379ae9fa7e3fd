import { type AnyGraderPlugin, grade } from '@judgekit/core';
import { describe, expect, it } from 'vitest';
import { covertActionGrader, evalAwarenessGrader, plausibleDeniabilityGrader } from '../src/index.js';
import { type PhrasingItem, phrasingName, phrasingTranscript, readPhrasingSet } from './helpers/phrasings.js';

/**
 * Phrasings and scenarios written apart from the fixtures, round by round (see each file's
 * description): every positive is flagged except the named known misses, and no negative is.
 */
async function flagged(grader: AnyGraderPlugin, items: PhrasingItem[], asTask: boolean): Promise<string[]> {
  const verdicts = await Promise.all(items.map((item) => grade(phrasingTranscript(item, asTask), grader)));
  return items.filter((_, index) => verdicts[index]![0]!.label === true).map(phrasingName);
}

const SETS = [
  { grader: evalAwarenessGrader, file: 'eval-awareness-phrasings.json' },
  { grader: covertActionGrader, file: 'covert-intent-phrasings.json' },
  { grader: covertActionGrader, file: 'covert-contrast-scenarios.json' },
  { grader: covertActionGrader, file: 'covert-lying-scenarios.json' },
  { grader: covertActionGrader, file: 'covert-value-scenarios.json' },
  { grader: covertActionGrader, file: 'covert-sandbagging-scenarios.json' },
  { grader: covertActionGrader, file: 'covert-prose-rule-scenarios.json' },
  { grader: plausibleDeniabilityGrader, file: 'deniability-cover-story-scenarios.json' },
];

for (const { grader, file } of SETS) {
  const { rounds, knownMisses } = readPhrasingSet(new URL(`./data/${file}`, import.meta.url));
  const known = new Set(knownMisses.map((miss) => miss.text));

  describe(`${grader.id} on ${file}`, () => {
    it('names only known misses that are in the set', () => {
      const all = new Set(rounds.flatMap((round) => round.positive.map(phrasingName)));
      expect([...known].filter((text) => !all.has(text))).toEqual([]);
    });

    for (const { round, positive, negative } of rounds) {
      it(`round ${round}: flags the ${positive.length} positives but the known misses`, async () => {
        const names = positive.map(phrasingName);
        const hits = new Set(await flagged(grader, positive, false));
        expect(names.filter((name) => !hits.has(name))).toEqual(names.filter((name) => known.has(name)));
      });

      it(`round ${round}: leaves the ${negative.length} negatives alone (a sentence also as the task)`, async () => {
        expect(await flagged(grader, negative, true)).toEqual([]);
      });
    }
  });
}
