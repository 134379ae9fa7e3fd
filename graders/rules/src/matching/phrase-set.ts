import { z } from 'zod';

const SLASH_REGEX = /^\/(.+)\/([im]{0,2})$/s;

function compiles(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

function hasBackreference(source: string): boolean {
  return /\\[1-9]|\\k<|\(\?<[A-Za-z_]/.test(source);
}

/**
 * A phrase searched for in free text (reports, reasoning, tool results): a literal phrase, matched
 * case-insensitively at word boundaries, or a regex written `/pattern/` or `/pattern/i`. `^` and `$`
 * match at line boundaries (`m` is implied). Regexes may not use backreferences or named groups
 * (phrases are compiled into one alternation).
 */
export const PhraseSchema = z
  .string()
  .min(1)
  .superRefine((value, context) => {
    const slashed = SLASH_REGEX.exec(value);
    if (!slashed) {
      if (/^\/.*\/[a-z]+$/s.test(value))
        context.addIssue({ code: 'custom', message: 'phrase regexes take no flags but i and m' });
      return;
    }
    if (!compiles(slashed[1]!))
      context.addIssue({ code: 'custom', message: 'not a valid regular expression' });
    else if (hasBackreference(slashed[1]!))
      context.addIssue({
        code: 'custom',
        message: 'phrase regexes may not use backreferences or named groups',
      });
  });

/** One phrase or a list of them. */
export const PhrasesSchema = z.union([PhraseSchema, z.array(PhraseSchema)]);

/** Phrases as written: one or a list. */
export type Phrases = z.infer<typeof PhrasesSchema>;

/** One match of a phrase set. */
export interface PhraseMatch {
  /** Index of the phrase in the list the set was compiled from. */
  phrase: number;
  start: number;
  end: number;
}

/** A compiled list of phrases, searched in one pass per case mode. */
export interface PhraseSet {
  readonly size: number;
  /** The phrases as written. */
  readonly sources: readonly string[];
  /** Every non-overlapping match, in text order. */
  findAll(text: string): PhraseMatch[];
  /** The first match, or `undefined`. */
  find(text: string): PhraseMatch | undefined;
  /** Whether any phrase occurs. */
  test(text: string): boolean;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function literalSource(phrase: string): string {
  const body = escapeRegex(phrase).replace(/\s+/g, '\\s+');
  const head = /^\w/.test(phrase) ? '\\b' : '';
  const tail = /\w$/.test(phrase) ? '\\b' : '';
  return `${head}${body}${tail}`;
}

/** Longest text a phrase set scans, in UTF-16 code units; the rest of a longer text is ignored. */
export const MAX_SCANNED_LENGTH = 200_000;

interface Alternation {
  regex: RegExp;
  /** Group name → phrase index. */
  indices: number[];
}

function alternation(
  entries: Array<{ index: number; source: string }>,
  flags: string,
): Alternation | undefined {
  if (entries.length === 0) return undefined;
  const source = entries.map((entry, position) => `(?<p${position}>${entry.source})`).join('|');
  return { regex: new RegExp(source, flags), indices: entries.map((entry) => entry.index) };
}

function runAlternation(alt: Alternation, text: string, out: PhraseMatch[], first: boolean): void {
  const regex = alt.regex;
  regex.lastIndex = 0;
  let match = regex.exec(text);
  while (match) {
    const groups = match.groups!;
    let phrase = -1;
    for (let position = 0; position < alt.indices.length; position++) {
      if (groups[`p${position}`] !== undefined) {
        phrase = alt.indices[position]!;
        break;
      }
    }
    if (match[0].length === 0) {
      regex.lastIndex++;
    } else if (phrase >= 0) {
      out.push({ phrase, start: match.index, end: match.index + match[0].length });
      if (first) return;
    }
    match = regex.exec(text);
  }
}

/** Compiles phrases once; use the result for every transcript. */
export function compilePhrases(phrases: Phrases | undefined): PhraseSet {
  const list = phrases === undefined ? [] : Array.isArray(phrases) ? phrases : [phrases];
  const insensitive: Array<{ index: number; source: string }> = [];
  const sensitive: Array<{ index: number; source: string }> = [];
  list.forEach((phrase, index) => {
    const slashed = SLASH_REGEX.exec(phrase);
    if (!slashed) insensitive.push({ index, source: literalSource(phrase) });
    else if (slashed[2]!.includes('i')) insensitive.push({ index, source: slashed[1]! });
    else sensitive.push({ index, source: slashed[1]! });
  });
  const alternations = [alternation(insensitive, 'gim'), alternation(sensitive, 'gm')].filter(
    (alt): alt is Alternation => alt !== undefined,
  );
  const scan = (text: string, first: boolean): PhraseMatch[] => {
    const scanned = text.length > MAX_SCANNED_LENGTH ? text.slice(0, MAX_SCANNED_LENGTH) : text;
    const out: PhraseMatch[] = [];
    for (const alt of alternations) runAlternation(alt, scanned, out, first);
    if (alternations.length > 1) out.sort((a, b) => a.start - b.start);
    return out;
  };
  return {
    size: list.length,
    sources: list,
    findAll: (text) => scan(text, false),
    find: (text) => scan(text, true)[0],
    test: (text) => scan(text, true).length > 0,
  };
}
