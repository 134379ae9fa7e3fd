import { compilePhrases, type PhraseMatch, type PhraseSet, type Phrases } from './phrase-set.js';

/**
 * Several phrase lists compiled into one phrase set, so one prefilter pass over a text serves all
 * of them. Matches are those each list would give on its own: a phrase matches where it would alone,
 * and matches of one list keep their order among themselves.
 */
export interface PhraseGroups {
  /** Every phrase of every list, list after list. */
  readonly set: PhraseSet;
  /** The index of the list a match's phrase comes from. */
  groupOf(match: PhraseMatch): number;
}

/** Compiles several phrase lists into one set whose matches name their list. */
export function compilePhraseGroups(groups: readonly (Phrases | undefined)[]): PhraseGroups {
  const all: string[] = [];
  const owner: number[] = [];
  groups.forEach((phrases, group) => {
    for (const phrase of phrases === undefined ? [] : Array.isArray(phrases) ? phrases : [phrases]) {
      all.push(phrase);
      owner.push(group);
    }
  });
  return { set: compilePhrases(all), groupOf: (match) => owner[match.phrase]! };
}
