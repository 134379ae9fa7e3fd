import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIdMap, createIdSet } from '../src/index.js';

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

describe('createIdMap', () => {
  it('behaves like a Map of strings to uint32 on arbitrary ids and values, across growth', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 40 }), fc.nat({ max: 0xffffffff })), { maxLength: 3000 }),
        (entries) => {
          const map = createIdMap(4);
          const reference = new Map<string, number>();
          for (const [id, value] of entries) {
            expect(map.get(id)).toBe(reference.get(id));
            map.set(id, value);
            reference.set(id, value);
          }
          expect(map.size).toBe(reference.size);
          for (const [id, value] of reference) expect(map.get(id)).toBe(value);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('refuses a value that does not fit 32 unsigned bits', () => {
    const map = createIdMap();
    expect(() => map.set('a', -1)).toThrow(/0 to 2\^32 - 1, not -1/);
    expect(() => map.set('a', 2 ** 32)).toThrow(RangeError);
    expect(() => map.set('a', 1.5)).toThrow(RangeError);
    expect(map.size).toBe(0);
  });
});
