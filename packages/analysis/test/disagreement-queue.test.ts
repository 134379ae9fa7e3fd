import { describe, expect, it } from 'vitest';
import {
  disagreementQueue,
  formatQueueCSV,
  formatQueueJSONL,
  indexGoldLabels,
  parseQueueReviews,
} from '../src/index.js';
import { makeGold, makeVerdict } from './helpers/records.js';

const evidence = [{ messageIndex: 3, quote: 'rm -rf /var/log/audit', verified: true }];

const verdicts = [
  // t1: 2 vs 1 → disagreement 1/3
  makeVerdict({ transcriptId: 't1', grader: 'a', label: true, score: 0.9, evidence }),
  makeVerdict({ transcriptId: 't1', grader: 'b', label: true, score: 0.7 }),
  makeVerdict({ transcriptId: 't1', grader: 'c', label: false, score: 0.2, rationale: 'looks routine' }),
  // t2: everyone agrees
  makeVerdict({ transcriptId: 't2', grader: 'a', label: false }),
  makeVerdict({ transcriptId: 't2', grader: 'b', label: false }),
  makeVerdict({ transcriptId: 't2', grader: 'c', label: false }),
  // t3: 1 vs 1, one failed → disagreement 1/2
  makeVerdict({ transcriptId: 't3', grader: 'a', label: true }),
  makeVerdict({ transcriptId: 't3', grader: 'b', label: false }),
  makeVerdict({
    transcriptId: 't3',
    grader: 'c',
    label: null,
    error: { name: 'JudgeCallError', message: 'HTTP 529' },
  }),
];

describe('disagreementQueue', () => {
  it('ranks items by disagreement and leaves out items everyone agrees on', () => {
    const queue = disagreementQueue(verdicts);
    expect(queue.map((record) => [record.rank, record.transcriptId, record.disagreement])).toEqual([
      [1, 't3', 0.5],
      [2, 't1', 1 / 3],
    ]);
    expect(queue[0]!.missing).toBe(1);
    expect(queue[0]!.ratings.find((rating) => rating.rater === 'c')!.error).toBe('HTTP 529');
    expect(queue[1]!.scoreSpread).toBeCloseTo(0.7);
    expect(queue[1]!.ratings.map((rating) => rating.rater)).toEqual(['a', 'b', 'c']);
  });

  it('counts gold as one more rater, so unanimous graders that contradict gold are queued', () => {
    const gold = indexGoldLabels([
      makeGold({
        transcriptId: 't2',
        label: true,
        rationale: 'wiped the audit log',
        evidence: [{ messageIndex: 3, quote: 'rm -rf /var/log/audit' }],
      }),
    ]);
    const queue = disagreementQueue(verdicts, { gold });
    const t2 = queue.find((record) => record.transcriptId === 't2');
    expect(t2?.disagreement).toBe(0.25);
    expect(t2?.gold).toEqual({
      label: true,
      annotator: 'annotator-a',
      category: null,
      rationale: 'wiped the audit log',
      evidence: [{ messageIndex: 3, quote: 'rm -rf /var/log/audit' }],
    });
  });

  it('keeps agreed items when asked and honours the limit', () => {
    expect(disagreementQueue(verdicts, { includeAgreed: true })).toHaveLength(3);
    expect(disagreementQueue(verdicts, { limit: 1 }).map((record) => record.transcriptId)).toEqual(['t3']);
  });
});

describe('queue export and re-import', () => {
  const queue = disagreementQueue(verdicts);

  it('writes each rater side by side in CSV with the evidence quotes', () => {
    const csv = formatQueueCSV(queue);
    const [header, first, second] = csv.trimEnd().split('\n');
    expect(header).toBe(
      'rank,transcriptId,dimension,disagreement,gold,a.label,a.score,a.evidence,a.rationale,b.label,b.score,b.evidence,b.rationale,c.label,c.score,c.evidence,c.rationale,review_label,review_category,review_rationale',
    );
    expect(first).toContain('error: HTTP 529');
    expect(second).toContain('[m3] rm -rf /var/log/audit');
  });

  it('imports a reviewed CSV as gold labels under the given annotator, skipping unreviewed rows', () => {
    const csv = formatQueueCSV(queue).replace(
      /\n2,t1,(.*),,,\n$/,
      '\n2,t1,$1,true,sabotage,deleted the audit log\n',
    );
    const imported = parseQueueReviews(csv, { format: 'csv', annotator: 'reviewer-1' });
    expect(imported.unreviewed).toBe(1);
    expect(imported.gold).toEqual([
      {
        transcriptId: 't1',
        dimension: 'covert_action',
        label: true,
        category: 'sabotage',
        rationale: 'deleted the audit log',
        annotator: 'reviewer-1',
      },
    ]);
  });

  it('imports a reviewed JSONL queue, including "cannot tell" reviews', () => {
    const lines = formatQueueJSONL(queue).trimEnd().split('\n');
    const reviewed = lines.map((line, index) => {
      const record = JSON.parse(line);
      record.review =
        index === 0 ? { label: null, rationale: 'judge failed; transcript ambiguous' } : { label: false };
      return JSON.stringify(record);
    });
    const imported = parseQueueReviews(reviewed.join('\n'), { format: 'jsonl', annotator: 'reviewer-2' });
    expect(imported.gold.map((label) => [label.transcriptId, label.label, label.annotator])).toEqual([
      ['t3', null, 'reviewer-2'],
      ['t1', false, 'reviewer-2'],
    ]);
  });

  it('rejects a review label it cannot read, naming the row', () => {
    const csv = formatQueueCSV(queue).replace(/,,,\n$/, ',maybe,,\n');
    expect(() => parseQueueReviews(csv, { format: 'csv', annotator: 'r' })).toThrow(/row 3 review_label/);
  });
});

describe('disagreementQueue against gold', () => {
  it('puts the most confidently wrong grader first among equal disagreements', () => {
    const gold = indexGoldLabels([
      makeGold({ transcriptId: 'mild', label: true }),
      makeGold({ transcriptId: 'confident', label: true }),
    ]);
    const queue = disagreementQueue(
      [
        makeVerdict({ transcriptId: 'mild', grader: 'judge', label: false, score: 0.45 }),
        makeVerdict({ transcriptId: 'confident', grader: 'judge', label: false, score: 0.02 }),
      ],
      { gold },
    );
    expect(queue.map((record) => record.transcriptId)).toEqual(['confident', 'mild']);
  });
});
