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

/**
 * The same table with a 32-bit unsigned value per member (24 bytes per member): e.g. the line a
 * transcript id was first seen on, for a reader that must name it in a duplicate-id error.
 */
export interface IdMap {
  /** The value stored for `id` (or for a string with the same hash), or `undefined`. */
  get(id: string): number | undefined;
  /** Stores `value` (0 to 2³² − 1) for `id`, replacing any value it had. */
  set(id: string, value: number): void;
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

/** Open addressing over hash pairs, `width` 32-bit words per slot: the pair, then any value words. */
function hashTable(initialCapacity: number, width: number) {
  let capacity = 1;
  while (capacity < initialCapacity * 2) capacity <<= 1;
  let table = new Uint32Array(capacity * width);
  let size = 0;

  const slotOf = (first: number, second: number, within: Uint32Array, slots: number): number => {
    let slot = (first ^ (second * 31)) & (slots - 1);
    while (within[slot * width] !== 0 || within[slot * width + 1] !== 0) {
      if (within[slot * width] === first && within[slot * width + 1] === second) return slot;
      slot = (slot + 1) & (slots - 1);
    }
    return slot;
  };

  const grow = () => {
    const old = table;
    const oldSlots = capacity;
    capacity *= 2;
    table = new Uint32Array(capacity * width);
    for (let slot = 0; slot < oldSlots; slot++) {
      const first = old[slot * width]!;
      const second = old[slot * width + 1]!;
      if (first === 0 && second === 0) continue;
      const target = slotOf(first, second, table, capacity);
      table.set(old.subarray(slot * width, slot * width + width), target * width);
    }
  };

  return {
    /** The slot's first word for `id`, or -1 when absent. */
    find(id: string): number {
      const [first, second] = hashPair(id);
      const at = slotOf(first, second, table, capacity) * width;
      return table[at] === first && table[at + 1] === second ? at : -1;
    },
    /** Inserts `id` when absent; returns its slot's first word and whether it was added. */
    insert(id: string): { at: number; added: boolean } {
      const [first, second] = hashPair(id);
      let at = slotOf(first, second, table, capacity) * width;
      if (table[at] === first && table[at + 1] === second) return { at, added: false };
      table[at] = first;
      table[at + 1] = second;
      size++;
      if (size * 2 > capacity) {
        grow();
        at = slotOf(first, second, table, capacity) * width;
      }
      return { at, added: true };
    },
    word(at: number): number {
      return table[at]!;
    },
    setWord(at: number, value: number): void {
      table[at] = value;
    },
    get size() {
      return size;
    },
  };
}

/** Creates an empty `IdSet`. */
export function createIdSet(initialCapacity = 1024): IdSet {
  const table = hashTable(initialCapacity, 2);
  return {
    add: (id) => table.insert(id).added,
    has: (id) => table.find(id) !== -1,
    get size() {
      return table.size;
    },
  };
}

/** Creates an empty `IdMap`. */
export function createIdMap(initialCapacity = 1024): IdMap {
  const table = hashTable(initialCapacity, 3);
  return {
    get(id) {
      const at = table.find(id);
      return at === -1 ? undefined : table.word(at + 2);
    },
    set(id, value) {
      if (!Number.isInteger(value) || value < 0 || value > 0xffffffff)
        throw new RangeError(`an IdMap value must be an integer from 0 to 2^32 - 1, not ${value}`);
      table.setWord(table.insert(id).at + 2, value);
    },
    get size() {
      return table.size;
    },
  };
}
