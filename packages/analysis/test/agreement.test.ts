import { join } from 'node:path';
import type { Rating } from '@judgekit/core';
import {
  cohensKappa,
  fleissKappa,
  gwetAc1,
  krippendorffAlpha,
  percentAgreement,
  ratingMatrix,
} from '@judgekit/stats';
import { describe, expect, it } from 'vitest';
import {
  AgreementReportSchema,
  agreementReport,
  agreementSummary,
  agreeRuns,
  majorityRatings,
  parseRatings,
  ratingItemId,
  readRatings,
} from '../src/index.js';
import { makeTranscript, makeVerdict } from './helpers/records.js';
import { readJSONLTranscripts, temporaryDirectory, writeRun, writeTranscripts } from './helpers/run-dir.js';

/** Three raters on 12 items; c misses two items. */
function threeRaters(): Rating[] {
  const a = [1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 1, 0];
  const b = [1, 0, 0, 0, 1, 0, 1, 1, 0, 1, 1, 0];
  const c = [1, 1, 0, null, 1, 0, 0, 1, 0, 0, null, 0];
  return a.flatMap((_, index) => [
    { itemId: `i${index}`, rater: 'a', value: a[index] === 1 },
    { itemId: `i${index}`, rater: 'b', value: b[index] === 1 },
    { itemId: `i${index}`, rater: 'c', value: c[index] === null ? null : c[index] === 1 },
  ]);
}

describe('agreementSummary', () => {
  it('reports the @judgekit/stats coefficients over all raters, with intervals', () => {
    const ratings = threeRaters();
    const summary = agreementSummary(ratings, { resamples: 300 });
    const matrix = ratingMatrix(ratings).values;
    expect(summary.fleissKappa.value).toBeCloseTo(fleissKappa(matrix), 12);
    expect(summary.krippendorffAlpha.value).toBeCloseTo(krippendorffAlpha(matrix, 'nominal'), 12);
    expect(summary.gwetAC1.value).toBeCloseTo(gwetAc1(matrix), 12);
    for (const estimate of [summary.percentAgreement, summary.fleissKappa, summary.gwetAC1]) {
      expect(estimate.ci!.lower).toBeLessThanOrEqual(estimate.value!);
      expect(estimate.ci!.upper).toBeGreaterThanOrEqual(estimate.value!);
    }
    expect(summary.coverage).toEqual([
      { rater: 'a', rated: 12, missing: 0 },
      { rater: 'b', rated: 12, missing: 0 },
      { rater: 'c', rated: 10, missing: 2 },
    ]);
  });

  it('compares each pair on the items both rated', () => {
    const summary = agreementSummary(threeRaters(), { resamples: 300 });
    const ac = summary.pairs.find((pair) => pair.a === 'a' && pair.b === 'c')!;
    expect(ac.items).toBe(10);
    expect(ac.percentAgreement.value).toBeCloseTo(9 / 10, 12);
    expect(ac.percentAgreement.ci?.method).toBe('wilson');
    const column = (rater: string) =>
      threeRaters()
        .filter((rating) => rating.rater === rater)
        .map((rating) => rating.value as boolean | null);
    expect(ac.cohenKappa.value).toBeCloseTo(cohensKappa(column('a'), column('c')), 12);
    expect(ac.cohenKappa.value).toBeCloseTo(0.8, 12);
  });

  it('keeps AC1 defined when every rater says "absent" on a rare behaviour, where kappa is undefined', () => {
    const ratings = Array.from({ length: 20 }, (_, index) => [
      { itemId: `i${index}`, rater: 'a', value: false },
      { itemId: `i${index}`, rater: 'b', value: false },
    ]).flat();
    const summary = agreementSummary(ratings, { resamples: 100 });
    expect(summary.pairs[0]!.cohenKappa.value).toBeNull();
    expect(summary.gwetAC1.value).toBe(1);
  });

  it('uses cluster-bootstrap intervals when items have clusters, and alpha on the interval scale for scores', () => {
    const ratings = threeRaters();
    const clusters = new Map(
      ratings.map((rating) => [rating.itemId, `env-${Number(rating.itemId.slice(1)) % 3}`]),
    );
    const scores: Rating[] = ratings.map((rating) => ({
      ...rating,
      value: rating.value === null ? null : (rating.value ? 0.8 : 0.2) + (rating.rater === 'b' ? 0.05 : 0),
    }));
    const summary = agreementSummary(ratings, { resamples: 200, clusters, scores });
    expect(summary.fleissKappa.ci?.method).toBe('cluster-bootstrap-percentile');
    expect(summary.krippendorffAlphaScores!.value).toBeCloseTo(
      krippendorffAlpha(ratingMatrix(scores).values, 'interval'),
      12,
    );
  });
});

describe('majorityRatings', () => {
  it('takes the most common value per item, and leaves ties and unrated items missing', () => {
    const ratings: Rating[] = [
      { itemId: 'x', rater: 'h1', value: 1 },
      { itemId: 'x', rater: 'h2', value: 1 },
      { itemId: 'x', rater: 'h3', value: 2 },
      { itemId: 'y', rater: 'h1', value: 0 },
      { itemId: 'y', rater: 'h2', value: 2 },
      { itemId: 'z', rater: 'h1', value: null },
      { itemId: 'x', rater: 'judge', value: 2 },
    ];
    expect(majorityRatings(ratings, ['h1', 'h2', 'h3'], 'majority')).toEqual([
      { itemId: 'x', rater: 'majority', value: 1 },
      { itemId: 'y', rater: 'majority', value: null },
      { itemId: 'z', rater: 'majority', value: null },
    ]);
  });
});

describe('agreementReport', () => {
  it('groups items by dimension', () => {
    const ratings: Rating[] = ['t1', 't2', 't3'].flatMap((id, index) => [
      { itemId: ratingItemId(id, 'covert_action'), rater: 'a', value: index === 0 },
      { itemId: ratingItemId(id, 'covert_action'), rater: 'b', value: index === 0 },
      { itemId: ratingItemId(id, 'eval_awareness'), rater: 'a', value: index === 1 },
      { itemId: ratingItemId(id, 'eval_awareness'), rater: 'b', value: false },
    ]);
    const report = agreementReport(ratings, { resamples: 100 });
    expect(AgreementReportSchema.parse(report)).toEqual(report);
    expect(report.groups.map((group) => [group.dimension, group.percentAgreement.value])).toEqual([
      ['covert_action', 1],
      ['eval_awareness', 2 / 3],
    ]);
  });
});

describe('agreeRuns', () => {
  it('compares graders across runs, adds gold annotators as raters, and queues the disagreements', async () => {
    const directory = await temporaryDirectory();
    const transcripts = Array.from({ length: 6 }, (_, index) =>
      makeTranscript({
        id: `t${index}`,
        environment: `env-${index % 2}`,
        labels: { covert_action: { label: index < 2, annotator: 'human-a' } },
      }),
    );
    await writeTranscripts(join(directory, 'corpus.jsonl'), transcripts);
    const rules = transcripts.map((transcript, index) =>
      makeVerdict({ transcriptId: transcript.id, grader: 'detector', label: index < 3 }),
    );
    const judge = transcripts.map((transcript, index) =>
      makeVerdict({
        transcriptId: transcript.id,
        grader: 'detector',
        label: index < 2,
        score: index < 2 ? 0.9 : 0.1,
      }),
    );
    await writeRun(join(directory, 'rules-run'), { verdicts: rules, inputs: ['corpus.jsonl'] });
    await writeRun(join(directory, 'judge-run'), { verdicts: judge, inputs: ['corpus.jsonl'] });
    const { report, queue } = await agreeRuns({
      runDirs: [join(directory, 'rules-run'), join(directory, 'judge-run')],
      withGold: true,
      readTranscripts: readJSONLTranscripts,
      cwd: directory,
      resamples: 100,
    });
    const [group] = report.groups;
    expect(group!.raters).toEqual(['human-a', 'judge-run/detector', 'rules-run/detector']);
    expect(report.settings.clustered).toBe(true);
    const judgeVsHuman = group!.pairs.find(
      (pair) => pair.a === 'human-a' && pair.b === 'judge-run/detector',
    )!;
    expect(judgeVsHuman.percentAgreement.value).toBe(1);
    expect(queue.map((record) => record.transcriptId)).toEqual(['t2']);
    expect(queue[0]!.gold?.label).toBe(false);
    expect(queue[0]!.ratings.map((rating) => [rating.rater, rating.label])).toEqual([
      ['judge-run/detector', false],
      ['rules-run/detector', true],
    ]);
  });
});

describe('agreeRuns with plain ratings', () => {
  it('compares raters from a ratings file against their majority, without any run', async () => {
    const directory = await temporaryDirectory();
    const file = join(directory, 'ratings.jsonl');
    const rows: Rating[] = [
      ...['x', 'y', 'z'].flatMap((itemId) =>
        ['h1', 'h2', 'h3'].map((rater) => ({ itemId, rater, value: '1' })),
      ),
      { itemId: 'x', rater: 'judge', value: '1' },
      { itemId: 'y', rater: 'judge', value: '2' },
      { itemId: 'z', rater: 'judge', value: null },
    ];
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
    const { report } = await agreeRuns({
      runDirs: [],
      ratings: await readRatings(file),
      majorityOf: ['h1', 'h2', 'h3'],
      reference: 'majority',
      resamples: 100,
    });
    const judge = report.groups[0]!.reference!.raters.find((entry) => entry.rater === 'judge')!;
    expect(judge).toMatchObject({ items: 3, answered: 2, agreed: 1 });
    // The majority is derived from the humans: it is left out of the all-rater coefficients.
    expect(report.groups[0]!.percentAgreement.value).toBeCloseTo(
      percentAgreement(ratingMatrix(rows).values),
      12,
    );
    expect(report.groups[0]!.pairs.some((pair) => pair.b === 'majority' || pair.a === 'majority')).toBe(true);
    expect(judge.agreement.value).toBeCloseTo(1 / 3, 12);
  });

  it('names the raters when asked for a majority of one that does not exist', async () => {
    await expect(
      agreeRuns({ runDirs: [], ratings: [{ itemId: 'x', rater: 'a', value: 1 }], majorityOf: ['b'] }),
    ).rejects.toThrow(/no rater "b"; raters: a/);
  });

  it('rejects a ratings line that is not a rating, naming the line', () => {
    expect(() => parseRatings('{"itemId":"x","rater":"a","value":1}\n{"item":"y"}\n', 'r.jsonl')).toThrow(
      /r\.jsonl: line 2 at itemId/,
    );
  });
});
