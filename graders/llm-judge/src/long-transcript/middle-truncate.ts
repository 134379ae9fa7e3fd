/** What was cut from one part of a message. */
export interface Cut {
  messageIndex: number;
  part: 'text' | 'reasoning' | 'tool_call' | 'tool_result';
  /** Characters of the part before the cut. */
  originalChars: number;
  /** Characters removed from its middle. */
  removedChars: number;
}

/** A part of a message after middle truncation: the head and the tail kept, verbatim. */
export interface TruncatedText {
  head: string;
  /** Empty when nothing was cut. */
  tail: string;
  removedChars: number;
}

/**
 * Keeps the first and last characters of a text that is longer than `maxChars` (60% head, 40%
 * tail, both verbatim so quotes from them still verify) and reports how much of the middle went.
 * @param maxChars characters to keep, at least 2
 */
export function middleTruncate(text: string, maxChars: number): TruncatedText {
  if (text.length <= maxChars) return { head: text, tail: '', removedChars: 0 };
  let headChars = Math.ceil(maxChars * 0.6);
  let tailChars = maxChars - headChars;
  // never split a surrogate pair: the kept pieces must stay verbatim substrings
  if (isHighSurrogate(text.charCodeAt(headChars - 1))) headChars--;
  if (isLowSurrogate(text.charCodeAt(text.length - tailChars))) tailChars--;
  return {
    head: text.slice(0, headChars),
    tail: text.slice(text.length - tailChars),
    removedChars: text.length - headChars - tailChars,
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
