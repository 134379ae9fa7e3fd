import JSON5 from 'json5';

const NON_FINITE = /\b(?:NaN|Infinity)\b/;

/**
 * Parses JSON that may hold bare `NaN`, `Infinity` or `-Infinity` (as Python's `json` writes for
 * unscored samples). Standard JSON goes through `JSON.parse`; only text that fails there and
 * contains those tokens is re-read by a tolerant parser (JSON5). Throws a `SyntaxError` naming the
 * position when the text is not JSON either way.
 */
export function parseLenientJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError) || !NON_FINITE.test(text)) throw error;
    try {
      return JSON5.parse(text);
    } catch {
      throw error;
    }
  }
}
