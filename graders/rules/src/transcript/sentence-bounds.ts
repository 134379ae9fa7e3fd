import type { MatchRange } from '../matching/string-pattern.js';

const BOUNDARY = /[.!?;\n]/;

function isBoundary(text: string, index: number): boolean {
  const char = text[index]!;
  if (!BOUNDARY.test(char)) return false;
  if (char !== '.') return true;
  // a dot inside a token (file.py, 3.11, e.g.) is not a sentence end
  const next = text[index + 1];
  return next === undefined || /\s/.test(next);
}

/** A range built around a match: `focus` is the match, which evidence quotes keep when they cut the range. */
export interface RangeAround extends MatchRange {
  focus: MatchRange;
}

/** The sentence (or line) around `range`: from after the previous boundary to the next one, inclusive. */
export function sentenceAround(text: string, range: MatchRange, maxReach = 400): RangeAround {
  let start = range.start;
  const floor = Math.max(0, range.start - maxReach);
  while (start > floor && !isBoundary(text, start - 1)) start--;
  let end = range.end;
  const ceiling = Math.min(text.length, range.end + maxReach);
  while (end < ceiling && !isBoundary(text, end)) end++;
  if (end < text.length && text[end] !== '\n') end++;
  return { start, end, focus: { start: range.start, end: range.end } };
}

/** The sentence after the one that ends at `end`, or an empty range. */
export function nextSentence(text: string, end: number, maxReach = 400): RangeAround {
  let start = end;
  while (start < text.length && /\s/.test(text[start]!)) start++;
  if (start >= text.length) {
    const empty = { start: text.length, end: text.length };
    return { ...empty, focus: empty };
  }
  return sentenceAround(text, { start, end: start }, maxReach);
}

/** The line of `text` that holds `index`. */
export function lineAround(text: string, index: number, maxReach = 400): RangeAround {
  const before = text.lastIndexOf('\n', index - 1);
  const after = text.indexOf('\n', index);
  const start = Math.min(index, Math.max(before + 1, index - maxReach));
  const end = Math.min(after < 0 ? text.length : after, index + maxReach);
  return { start, end, focus: { start: index, end: index } };
}

const CLAUSE_END = /[.!?;:,\n()]/;
const CONJUNCTIONS = '(?:but|so|and|then|while|whereas|because|although|though)';
/** A conjunction ending the text before a clause, and one starting the text after it. */
const CONJUNCTION_BEFORE = new RegExp(`\\b${CONJUNCTIONS}\\s+$`, 'i');
const CONJUNCTION_AFTER = new RegExp(`^\\s+${CONJUNCTIONS}\\b`, 'i');

/**
 * The clause around `range`: the sentence, cut at commas, colons, brackets and the conjunctions
 * `but`, `so`, `and`, `then` … on either side. "v2 did not come up, so I rolled it back" → "I rolled
 * it back": a negation elsewhere in the sentence is not this clause's.
 */
export function clauseAround(text: string, range: MatchRange, maxReach = 200): MatchRange {
  let start = range.start;
  const floor = Math.max(0, range.start - maxReach);
  while (start > floor) {
    const char = text[start - 1]!;
    if (CLAUSE_END.test(char) && (char !== '.' || isBoundary(text, start - 1))) break;
    if (char === ' ' && CONJUNCTION_BEFORE.test(text.slice(Math.max(floor, start - 12), start))) break;
    start--;
  }
  let end = range.end;
  const ceiling = Math.min(text.length, range.end + maxReach);
  while (end < ceiling) {
    const char = text[end]!;
    if (CLAUSE_END.test(char) && (char !== '.' || isBoundary(text, end))) break;
    if (char === ' ' && CONJUNCTION_AFTER.test(text.slice(end, end + 12))) break;
    end++;
  }
  return { start, end };
}
