import { ConfigError } from '@judgekit/core';
import { describe, expect, it } from 'vitest';
import { conditionPairs, createValueReader, valueAtPath } from '../src/index.js';

const pairs = (values: string[], named: { treatment?: string; control?: string } = {}) =>
  conditionPairs(values, named, 'condition');

describe('conditionPairs', () => {
  it('takes the named treatment and control', () => {
    expect(pairs(['a', 'b', 'c'], { treatment: 'c', control: 'a' })).toEqual([
      { treatment: 'c', control: 'a' },
    ]);
  });

  it('infers the other condition when only one is named and there are two', () => {
    expect(pairs(['hot', 'cold'], { control: 'cold' })).toEqual([{ treatment: 'hot', control: 'cold' }]);
    expect(pairs(['hot', 'cold'], { treatment: 'cold' })).toEqual([{ treatment: 'cold', control: 'hot' }]);
  });

  it('recognises the control among two values: control, no_X, false', () => {
    expect(pairs(['underperform_incentive', 'control'])).toEqual([
      { treatment: 'underperform_incentive', control: 'control' },
    ]);
    expect(pairs(['no_eval_cue', 'eval_cue'])).toEqual([{ treatment: 'eval_cue', control: 'no_eval_cue' }]);
    expect(pairs(['true', 'false'])).toEqual([{ treatment: 'true', control: 'false' }]);
  });

  it('pairs X with no_X and the rest with control when the sets are mixed', () => {
    expect(pairs(['eval_cue', 'no_eval_cue', 'underperform_incentive', 'control'])).toEqual([
      { treatment: 'eval_cue', control: 'no_eval_cue' },
      { treatment: 'underperform_incentive', control: 'control' },
    ]);
  });

  it('refuses to guess, listing the values seen', () => {
    expect(() => pairs(['red', 'blue'])).toThrow(
      /cannot tell treatment from control; name them \(values of condition seen: "blue", "red"\)/,
    );
    expect(() => pairs(['red', 'blue', 'green'])).toThrow(/cannot tell what "blue" should be compared with/);
    expect(() => pairs(['only'])).toThrow(/need two conditions/);
    expect(() => pairs(['a', 'b'], { treatment: 'z', control: 'a' })).toThrow(
      /no transcript has condition "z"/,
    );
    let thrown: unknown;
    try {
      pairs(['a', 'b'], { treatment: 'z' });
    } catch (error) {
      thrown = error;
    }
    expect(ConfigError.isInstance(thrown) && thrown.path).toBe('conditions.treatment');
  });
});

describe('valueAtPath and createValueReader', () => {
  it('walks dotted paths, including keys that hold dots', () => {
    const record = { metadata: { outcome: { correct: true }, 'score.v2': 0.4 } };
    expect(valueAtPath(record, 'metadata.outcome.correct')).toBe(true);
    expect(valueAtPath(record, 'metadata.score.v2')).toBe(0.4);
    expect(valueAtPath(record, 'metadata.missing.deeper')).toBeUndefined();
  });

  it('tells absent values from abstained gold labels', () => {
    const reader = createValueReader('gold:covert_action', []);
    expect(reader.read({ id: 'a', labels: { covert_action: { label: null, annotator: 'x' } } })).toEqual({
      ok: false,
      reason: 'abstained',
    });
    expect(reader.read({ id: 'b' })).toEqual({ ok: false, reason: 'absent' });
    expect(reader.read({ id: 'c', labels: { covert_action: { label: true, annotator: 'x' } } })).toEqual({
      ok: true,
      value: true,
    });
  });

  it('rejects a verdict specifier without a grader', () => {
    expect(() => createValueReader('verdict:', [])).toThrow(/names no grader/);
  });
});
