import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings for a process that streams a large corpus through `runGrading`; `judgekit` applies
 * them at start-up. A library never changes them behind its caller's back: an application calls
 * {@link applyStreamingV8Flags} first thing, or starts Node with the flags.
 *
 * `--no-allocation-site-pretenuring`: from the first few hundred transcripts, V8 concludes that the
 * objects allocated at some sites (parsed transcript JSON, the rule graders' per-transcript facts)
 * survive, and from then on allocates them straight into the old generation. Each transcript's
 * objects then become old-generation garbage, freed only by major collections, which let the heap
 * grow to about four times what is live in between. Measured on 100k generated transcripts, the
 * three rule graders through `runGrading`, built packages, Node 20.20: peak RSS 208 → 136 MB,
 * CPU 22.0 → 19.6 s, 17 → 3 major collections.
 */
export const STREAMING_V8_FLAGS = ['--no-allocation-site-pretenuring'] as const;

/**
 * Applies {@link STREAMING_V8_FLAGS} to this process, before its heavy allocation begins. Changes
 * process-wide V8 settings: for applications (a CLI, a benchmark), not for libraries.
 */
export function applyStreamingV8Flags(): void {
  for (const flag of STREAMING_V8_FLAGS) setFlagsFromString(flag);
}
