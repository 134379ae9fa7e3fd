/**
 * A set of strings that stores a 64-bit hash of each (two independent 32-bit FNV-1a variants) in
 * an open-addressing table: 16 bytes per member instead of the string itself, so the runner can
 * remember millions of transcript ids in flat memory. Two different strings share a hash with
 * probability about n² / 2⁶⁵ (≈ 3 × 10⁻⁸ for a million ids); `add` would then call the second one
 * a repeat.
 */
export interface IdSet {
  /** Adds `id`; returns `false` when it (or its hash) was already there. */
  add(id: string): boolean;
  has(id: string): boolean;
  readonly size: number;
}

function hashPair(text: string): [number, number] {
  let first = 0x811c9dc5;
  let second = 0x9747b28c;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 0x01000193);
    second = Math.imul(second ^ code, 0x5bd1e995);
    second ^= second >>> 15;
  }
  // A zero pair marks an empty slot.
  if (first === 0 && second === 0) first = 1;
  return [first >>> 0, second >>> 0];
}

/** Creates an empty `IdSet`. */
export function createIdSet(initialCapacity = 1024): IdSet {
  let capacity = 1;
  while (capacity < initialCapacity * 2) capacity <<= 1;
  let table = new Uint32Array(capacity * 2);
  let size = 0;

  const slotOf = (first: number, second: number, within: Uint32Array, slots: number): number => {
    let slot = (first ^ (second * 31)) & (slots - 1);
    while (within[slot * 2] !== 0 || within[slot * 2 + 1] !== 0) {
      if (within[slot * 2] === first && within[slot * 2 + 1] === second) return slot;
      slot = (slot + 1) & (slots - 1);
    }
    return slot;
  };

  const grow = () => {
    const old = table;
    const oldSlots = capacity;
    capacity *= 2;
    table = new Uint32Array(capacity * 2);
    for (let slot = 0; slot < oldSlots; slot++) {
      const first = old[slot * 2]!;
      const second = old[slot * 2 + 1]!;
      if (first === 0 && second === 0) continue;
      const target = slotOf(first, second, table, capacity);
      table[target * 2] = first;
      table[target * 2 + 1] = second;
    }
  };

  return {
    add(id) {
      const [first, second] = hashPair(id);
      const slot = slotOf(first, second, table, capacity);
      if (table[slot * 2] === first && table[slot * 2 + 1] === second) return false;
      table[slot * 2] = first;
      table[slot * 2 + 1] = second;
      size++;
      if (size * 2 > capacity) grow();
      return true;
    },
    has(id) {
      const [first, second] = hashPair(id);
      const slot = slotOf(first, second, table, capacity);
      return table[slot * 2] === first && table[slot * 2 + 1] === second;
    },
    get size() {
      return size;
    },
  };
}
