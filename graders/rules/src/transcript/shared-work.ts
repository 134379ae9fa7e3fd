import type { TranscriptFacts } from './transcript-facts.js';

/**
 * `compute()` once per transcript facts, `owner` (the compiled pack or lexicon whose rules it
 * applies) and `key`: the graders grading one transcript share the result. It lives on the facts,
 * so it goes when the transcript does, and `owner` is compared by identity, so two packs that happen
 * to share a name never share work.
 */
export function sharedWork<T>(facts: TranscriptFacts, owner: object, key: string, compute: () => T): T {
  let byKey = facts.shared.get(owner);
  if (!byKey) {
    byKey = new Map();
    facts.shared.set(owner, byKey);
  }
  if (byKey.has(key)) return byKey.get(key) as T;
  const value = compute();
  byKey.set(key, value);
  return value;
}
