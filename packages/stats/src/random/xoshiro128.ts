import type { RandomSource } from './random-source.js';

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;
const MASK_64 = (1n << 64n) - 1n;

/**
 * Creates xoshiro128** (Blackman & Vigna 2018, "Scrambled linear pseudorandom number
 * generators"; reference code at prng.di.unimi.it): a small, fast 32-bit generator with period
 * 2¹²⁸ − 1 that passes BigCrush. The 128-bit state is filled from `seed` with SplitMix64, as the
 * authors recommend, so nearby seeds give unrelated streams. Not for cryptography.
 * @param seed any finite integer (converted to a 64-bit unsigned value)
 */
export function createXoshiro128(seed: number | bigint): RandomSource {
  let splitMixState = BigInt.asUintN(64, BigInt(seed));
  const splitMix64 = (): bigint => {
    splitMixState = (splitMixState + 0x9e3779b97f4a7c15n) & MASK_64;
    let z = splitMixState;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK_64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK_64;
    return z ^ (z >> 31n);
  };
  const first = splitMix64();
  const second = splitMix64();
  return createXoshiro128FromState([
    Number(first & 0xffffffffn),
    Number(first >> 32n),
    Number(second & 0xffffffffn),
    Number(second >> 32n),
  ]);
}

/**
 * Creates xoshiro128** from an explicit 4 × 32-bit state (not all zero). Exposed so the generator
 * can be checked against the reference implementation's published outputs.
 */
export function createXoshiro128FromState(state: readonly [number, number, number, number]): RandomSource {
  let s0 = state[0] >>> 0;
  let s1 = state[1] >>> 0;
  let s2 = state[2] >>> 0;
  let s3 = state[3] >>> 0;
  if ((s0 | s1 | s2 | s3) === 0) throw new RangeError('xoshiro128**: the state must not be all zero');
  const nextUint32 = (): number => {
    const product = Math.imul(s1, 5);
    const result = Math.imul((product << 7) | (product >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };
  return {
    nextUint32,
    nextDouble() {
      const high = nextUint32() >>> 5;
      const low = nextUint32() >>> 6;
      return (high * 67108864 + low) / TWO_POW_53;
    },
    nextInteger(bound: number) {
      if (!(bound >= 1 && bound <= TWO_POW_32) || !Number.isInteger(bound)) {
        throw new RangeError(`nextInteger: bound must be an integer in [1, 2^32], got ${bound}`);
      }
      const limit = TWO_POW_32 - (TWO_POW_32 % bound);
      for (;;) {
        const value = nextUint32();
        if (value < limit) return value % bound;
      }
    },
  };
}

/** A `RandomSource` from a seed or an existing source (returned as is). */
export function toRandomSource(
  random: number | bigint | RandomSource | undefined,
  fallbackSeed = 0,
): RandomSource {
  if (random === undefined) return createXoshiro128(fallbackSeed);
  if (typeof random === 'number' || typeof random === 'bigint') return createXoshiro128(random);
  return random;
}
