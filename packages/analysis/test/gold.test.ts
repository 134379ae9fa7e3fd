import { describe, expect, it } from 'vitest';
import {
  goldLabelsFromTranscripts,
  indexGoldLabels,
  joinVerdictsWithGold,
  parseGoldLabels,
} from '../src/index.js';
import { makeGold, makeTranscript, makeVerdict } from './helpers/records.js';

describe('goldLabelsFromTranscripts', () => {
  it('turns every embedded label into a standalone record', () => {
    const gold = goldLabelsFromTranscripts([
      makeTranscript({
        id: 't1',
        labels: {
          covert_action: { label: true, category: 'sabotage', annotator: 'a' },
          eval_awareness: { label: false, annotator: 'a' },
        },
      }),
      makeTranscript({ id: 't2' }),
    ]);
    expect(gold).toEqual([
      { transcriptId: 't1', dimension: 'covert_action', label: true, category: 'sabotage', annotator: 'a' },
      { transcriptId: 't1', dimension: 'eval_awareness', label: false, annotator: 'a' },
    ]);
  });
});

describe('parseGoldLabels', () => {
  it('reads a labels JSONL file and ignores blank lines', () => {
    const text = `${JSON.stringify(makeGold({ transcriptId: 't1', label: true }))}\n\n`;
    expect(parseGoldLabels(text, 'labels.jsonl')).toHaveLength(1);
  });

  it('names the file, line and field of an invalid label', () => {
    const text = `${JSON.stringify(makeGold({ transcriptId: 't1' }))}\n{"transcriptId":"t2","dimension":"covert_action","label":"yes","annotator":"a"}\n`;
    expect(() => parseGoldLabels(text, 'labels.jsonl')).toThrow(/labels\.jsonl: line 2 at label/);
  });
});

describe('indexGoldLabels', () => {
  it('refuses two annotators for one item unless one is chosen', () => {
    const gold = [
      makeGold({ transcriptId: 't1', annotator: 'a', label: true }),
      makeGold({ transcriptId: 't1', annotator: 'b', label: false }),
    ];
    expect(() => indexGoldLabels(gold)).toThrow(/annotators a and b/);
    expect([...indexGoldLabels(gold, { annotator: 'b' }).values()].map((label) => label.label)).toEqual([
      false,
    ]);
  });
});

describe('joinVerdictsWithGold', () => {
  const gold = indexGoldLabels([
    makeGold({ transcriptId: 't1', label: true }),
    makeGold({ transcriptId: 't2', label: null }),
    makeGold({ transcriptId: 't3', label: false }),
    makeGold({ transcriptId: 't4', label: false }),
  ]);

  it('keeps abstentions, errors and verdicts without gold, each with its outcome', () => {
    const joined = joinVerdictsWithGold(
      [
        makeVerdict({ transcriptId: 't1', label: true }),
        makeVerdict({ transcriptId: 't2', label: true }),
        makeVerdict({ transcriptId: 't3', label: null }),
        makeVerdict({
          transcriptId: 't4',
          label: null,
          error: { name: 'JudgeCallError', message: 'timeout' },
        }),
        makeVerdict({ transcriptId: 't5', label: true }),
      ],
      gold,
    );
    expect(joined.map((item) => item.outcome)).toEqual([
      'scored',
      'gold_unknown',
      'abstained',
      'error',
      'no_gold',
    ]);
  });

  it('filters by split using the transcripts', () => {
    const transcripts = new Map([
      ['t1', { id: 't1', split: 'dev' as const }],
      ['t3', { id: 't3', split: 'test' as const }],
    ]);
    const joined = joinVerdictsWithGold(
      [makeVerdict({ transcriptId: 't1' }), makeVerdict({ transcriptId: 't3' })],
      gold,
      { split: 'test', transcripts },
    );
    expect(joined.map((item) => item.verdict.transcriptId)).toEqual(['t3']);
  });

  it('refuses a split filter without transcripts to read the split from', () => {
    expect(() => joinVerdictsWithGold([], gold, { split: 'test' })).toThrow(
      /split filter needs the transcripts/,
    );
  });
});
