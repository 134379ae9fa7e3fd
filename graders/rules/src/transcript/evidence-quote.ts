import type { Evidence, MessageSegment } from '@judgekit/core';
import type { MatchRange } from '../matching/string-pattern.js';

/** Longest quote a rule grader puts into evidence, in UTF-16 code units. */
export const MAX_QUOTE_LENGTH = 240;

/** A segment of some message, as facts hold them. */
export interface LocatedSegment {
  messageIndex: number;
  segment: MessageSegment;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Where a quote of at most `MAX_QUOTE_LENGTH` cut from `[start, end)` begins so that it shows
 * `focus` (the match the range was built around): at `start` when the focus fits from there,
 * otherwise with the focus in the middle of the quote, at a word start where one is near.
 */
function quoteStart(text: string, start: number, end: number, focus: MatchRange | undefined): number {
  if (!focus || focus.end <= start + MAX_QUOTE_LENGTH) return start;
  const focusStart = Math.max(start, Math.min(focus.start, end));
  const focusLength = Math.min(focus.end, end) - focusStart;
  let at = focusStart - Math.max(0, Math.floor((MAX_QUOTE_LENGTH - focusLength) / 2));
  at = Math.max(start, Math.min(at, end - MAX_QUOTE_LENGTH, focusStart));
  // begin at a word: step over the rest of a word cut in half, when that does not pass the focus
  const word = /\w/;
  if (at > start && word.test(text[at - 1] ?? '')) {
    let next = at;
    while (next < focusStart && word.test(text[next]!)) next++;
    if (next < focusStart) at = next;
  }
  while (at < focusStart && /\s/.test(text[at]!)) at++;
  if (isLowSurrogate(text.charCodeAt(at))) at++;
  return at;
}

/**
 * Evidence quoting `segment.text[range]`: trimmed of surrounding whitespace, cut to
 * `MAX_QUOTE_LENGTH` without splitting a surrogate pair, always an exact substring of the segment.
 * A range built around a match (`sentenceAround`, `lineAround`: it carries `focus`) is cut so that
 * the quote still shows the match. Returns `undefined` when nothing but whitespace is left.
 */
export function segmentEvidence(
  located: LocatedSegment,
  range: MatchRange & { focus?: MatchRange },
  note: string,
): Evidence | undefined {
  const text = located.segment.text;
  let start = Math.max(0, Math.min(range.start, text.length));
  let end = Math.max(start, Math.min(range.end, text.length));
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end - start > MAX_QUOTE_LENGTH) {
    start = quoteStart(text, start, end, range.focus);
    end = start + MAX_QUOTE_LENGTH;
    if (isHighSurrogate(text.charCodeAt(end - 1))) end--;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
  }
  if (end <= start) return undefined;
  return {
    messageIndex: located.messageIndex,
    quote: text.slice(start, end),
    span: { start: located.segment.start + start, end: located.segment.start + end },
    note,
  };
}

/**
 * Where a string argument value (or the part `range` of it) reads in a tool call's canonical text,
 * where it appears JSON-encoded. Falls back to the whole value, then to the tool name.
 */
export function locateInCall(segment: MessageSegment, value: string, range?: MatchRange): MatchRange {
  const candidates = range ? [value.slice(range.start, range.end), value] : [value];
  for (const candidate of candidates) {
    if (candidate.length === 0) continue;
    const encoded = JSON.stringify(candidate).slice(1, -1);
    const at = segment.text.indexOf(encoded);
    if (at >= 0) return { start: at, end: at + encoded.length };
  }
  const space = segment.text.indexOf(' ');
  return { start: 0, end: space < 0 ? segment.text.length : space };
}
