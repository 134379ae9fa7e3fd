/**
 * A seeded source of uniform random numbers. Every resampling function takes one (or a seed) so
 * that results are reproducible.
 */
export interface RandomSource {
  /** A uniform 32-bit unsigned integer in [0, 2³²). */
  nextUint32(): number;
  /** A uniform double in [0, 1) with 53 random bits. */
  nextDouble(): number;
  /** A uniform integer in [0, bound), unbiased (rejection sampling); `bound` in [1, 2³²]. */
  nextInteger(bound: number): number;
}
