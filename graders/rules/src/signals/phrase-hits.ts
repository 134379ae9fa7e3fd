import type { Evidence } from '@judgekit/core';
import type { PhraseGroups } from '../matching/phrase-groups.js';
import type { PhraseSet } from '../matching/phrase-set.js';
import { segmentEvidence } from '../transcript/evidence-quote.js';
import { sentenceAround } from '../transcript/sentence-bounds.js';
import type { SegmentFact } from '../transcript/transcript-facts.js';

/** A phrase found in one segment, with the sentence around it as evidence. */
export interface PhraseHit {
  fact: SegmentFact;
  evidence: Evidence;
}

/** The first match of `phrases` in `facts` that `accept` keeps, quoted as its sentence. */
export function findPhrase(
  facts: readonly SegmentFact[],
  phrases: PhraseSet,
  note: string,
  accept: (fact: SegmentFact, range: { start: number; end: number }) => boolean = () => true,
): PhraseHit | undefined {
  if (phrases.size === 0) return undefined;
  for (const fact of facts) {
    for (const match of phrases.findAll(fact.segment.text)) {
      if (!accept(fact, match)) continue;
      const evidence = segmentEvidence(fact, sentenceAround(fact.segment.text, match), note);
      if (evidence) return { fact, evidence };
    }
  }
  return undefined;
}

/**
 * For each list of `groups`, what `findPhrase` gives for that list alone (with the list's `notes`
 * entry), from one scan of each text for all the lists.
 */
export function findPhraseGroups(
  facts: readonly SegmentFact[],
  groups: PhraseGroups,
  notes: readonly string[],
  accept: (fact: SegmentFact, range: { start: number; end: number }, group: number) => boolean = () => true,
): Array<PhraseHit | undefined> {
  const found: Array<PhraseHit | undefined> = notes.map(() => undefined);
  let open = notes.length;
  for (const fact of facts) {
    if (open === 0) break;
    const text = fact.segment.text;
    for (const match of groups.set.findAll(text)) {
      const group = groups.groupOf(match);
      if (found[group] || !accept(fact, match, group)) continue;
      const evidence = segmentEvidence(fact, sentenceAround(text, match), notes[group]!);
      if (!evidence) continue;
      found[group] = { fact, evidence };
      open--;
    }
  }
  return found;
}
