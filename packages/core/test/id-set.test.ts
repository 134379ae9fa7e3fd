import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIdSet } from '../src/index.js';

describe('createIdSet', () => {
  it('behaves like a Set of strings on arbitrary ids, across growth', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 3000 }), (ids) => {
        const set = createIdSet(4);
        const reference = new Set<string>();
        for (const id of ids) {
          expect(set.add(id)).toBe(!reference.has(id));
          reference.add(id);
        }
        expect(set.size).toBe(reference.size);
        for (const id of ids) expect(set.has(id)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('tells a million distinct ids apart', () => {
    const set = createIdSet();
    let repeats = 0;
    for (let index = 0; index < 1_000_000; index++)
      if (!set.add(`run-${index}/sample-${index % 97}`)) repeats++;
    expect(repeats).toBe(0);
    expect(set.size).toBe(1_000_000);
    expect(set.has('run-999999/sample-0')).toBe(false);
  });
});
