import { readPairwiseJudgeAgreement } from '@judgekit/adapters';
import type { Rating } from '@judgekit/core';
import { sharedFolder } from '@judgekit/test-support';
import { describe, expect, it } from 'vitest';
import { agreementSummary, majorityRatings } from '../../src/index.js';

const data = sharedFolder(
  'pairwise-judge-agreement',
  'PandaLM pairwise test set (shared/data/pairwise-judge-agreement)',
);
const DATA = data.dir;
const HUMANS = ['annotator1', 'annotator2', 'annotator3'];

function judgesAgainstMajority(ratings: readonly Rating[]) {
  const majority = majorityRatings(ratings, HUMANS, 'human-majority');
  const summary = agreementSummary([...ratings, ...majority], {
    reference: 'human-majority',
    resamples: 100,
  });
  return Object.fromEntries(summary.reference!.raters.map((entry) => [entry.rater, entry]));
}

describe.skipIf(!data.present)(data.title, () => {
  it('reproduces the published agreement with the human majority: GPT-3.5 69.3%, PandaLM-7B 66.8%', async () => {
    const { ratings, problems } = await readPairwiseJudgeAgreement(DATA);
    expect(problems).toEqual([]);
    // The published figure compares GPT's verdict string verbatim with the humans' label, so its
    // "Tie" never equals the humans' 0: keep GPT's ties as a category of their own to reproduce it.
    const verbatim = ratings.map((rating) =>
      rating.rater === 'gpt-3.5-turbo' && rating.value === '0' ? { ...rating, value: 'Tie' } : rating,
    );
    const published = judgesAgainstMajority(verbatim);
    expect(published['gpt-3.5-turbo']).toMatchObject({ items: 999, answered: 974, agreed: 692 });
    expect(published['gpt-3.5-turbo']!.agreement.value! * 100).toBeCloseTo(69.3, 1);
    expect(published['pandalm-7b']).toMatchObject({ items: 999, answered: 999, agreed: 667 });
    expect(published['pandalm-7b']!.agreement.value! * 100).toBeCloseTo(66.8, 1);
  });

  it('counts GPT-3.5’s 5 ties on human-majority ties as agreement when ties are matched as ties (69.8%)', async () => {
    const { ratings } = await readPairwiseJudgeAgreement(DATA);
    const matched = judgesAgainstMajority(ratings);
    expect(matched['gpt-3.5-turbo']).toMatchObject({ items: 999, answered: 974, agreed: 697 });
    // 25 "garbage" verdicts are missing: on the 974 answered items GPT-3.5 agrees 71.6% of the time.
    expect(matched['gpt-3.5-turbo']!.agreementAnswered.value).toBeCloseTo(697 / 974, 12);
  });

  it('measures Fleiss’ kappa and Krippendorff’s alpha among the three humans', async () => {
    const { ratings } = await readPairwiseJudgeAgreement(DATA);
    const humans = agreementSummary(
      ratings.filter((rating) => HUMANS.includes(rating.rater)),
      { resamples: 200 },
    );
    expect(humans).toMatchObject({ items: 999, pairableItems: 999 });
    // The figures docs/agreement-on-real-data.md shows (the coefficients are checked in @judgekit/stats).
    expect(humans.fleissKappa.value).toBeCloseTo(0.8642, 4);
    expect(humans.krippendorffAlpha.value).toBeGreaterThan(humans.fleissKappa.value!);
    expect(humans.krippendorffAlpha.value! - humans.fleissKappa.value!).toBeLessThan(0.001);
    expect(humans.fleissKappa.ci!.lower).toBeLessThan(0.8642);
    expect(humans.fleissKappa.ci!.upper).toBeGreaterThan(0.8642);
  });
});
