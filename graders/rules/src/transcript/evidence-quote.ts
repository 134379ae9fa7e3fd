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

/**
 * Evidence quoting `segment.text[range]`: trimmed of surrounding whitespace, cut to
 * `MAX_QUOTE_LENGTH` without splitting a surrogate pair, always an exact substring of the segment.
 * Returns `undefined` when nothing but whitespace is left.
 */
export function segmentEvidence(
  located: LocatedSegment,
  range: MatchRange,
  note: string,
): Evidence | undefined {
  const text = located.segment.text;
  let start = Math.max(0, Math.min(range.start, text.length));
  let end = Math.max(start, Math.min(range.end, text.length));
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end - start > MAX_QUOTE_LENGTH) {
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
