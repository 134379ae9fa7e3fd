import type { Evidence } from '../schemas/evidence.js';
import type { Transcript } from '../schemas/transcript.js';
import type { View } from '../schemas/view.js';
import { viewMessage } from './view-transcript.js';

/** Where a quote was found. */
export interface QuoteMatch {
  start: number;
  end: number;
  match: 'exact' | 'normalized';
}

const QUOTE_MARKS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2013': '-',
  '\u2014': '-',
};

/** Normalizes whitespace runs to one space and typographic quotes/dashes to ASCII, keeping an index map. */
function normalize(text: string): { text: string; map: number[] } {
  let out = '';
  const map: number[] = [];
  let inSpace = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (/\s/.test(char)) {
      if (!inSpace && out.length > 0) {
        out += ' ';
        map.push(index);
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    out += QUOTE_MARKS[char] ?? char;
    map.push(index);
  }
  if (out.endsWith(' ')) {
    out = out.slice(0, -1);
    map.pop();
  }
  return { text: out, map };
}

/**
 * Finds `quote` in `text`: exactly, or else after normalizing whitespace and quote marks.
 * Returns offsets in `text`, or `undefined` when it does not occur.
 */
export function findQuote(text: string, quote: string): QuoteMatch | undefined {
  if (quote.length === 0) return undefined;
  const exact = text.indexOf(quote);
  if (exact >= 0) return { start: exact, end: exact + quote.length, match: 'exact' };
  const haystack = normalize(text);
  const needle = normalize(quote).text;
  if (needle.length === 0) return undefined;
  const at = haystack.text.indexOf(needle);
  if (at < 0) return undefined;
  const start = haystack.map[at]!;
  const end = haystack.map[at + needle.length - 1]! + 1;
  return { start, end, match: 'normalized' };
}

/**
 * Checks that a quote occurs in the message it names, within what `view` shows, and returns the
 * evidence with `verified`, `span` and `match` set. A quote from a hidden part is not verified.
 */
export function verifyEvidence(transcript: Transcript, evidence: Evidence, view: View = 'all'): Evidence {
  // Only the message the quote names is looked at: the whole view is not built once per quote.
  const index = evidence.messageIndex;
  const named = Number.isInteger(index) && index >= 0 ? transcript.messages[index] : undefined;
  const message = named === undefined ? undefined : viewMessage(named, index, view);
  const { span: _span, match: _match, ...rest } = evidence;
  if (message) {
    for (const segment of message.segments) {
      const found = findQuote(segment.text, evidence.quote);
      if (found) {
        // `Object.assign` rather than a spread with new keys: same keys and order, far cheaper in V8.
        return Object.assign(rest, {
          verified: true,
          span: { start: segment.start + found.start, end: segment.start + found.end },
          match: found.match,
        });
      }
    }
  }
  return Object.assign(rest, { verified: false });
}
