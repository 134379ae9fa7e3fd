import { z } from 'zod';
import { escapeRegex } from './escape-regex.js';
import { requiredLiterals } from './required-literals.js';

const SLASH_REGEX = /^\/(.+)\/([im]{0,2})$/s;

function compiles(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/**
 * A phrase searched for in free text (reports, reasoning, tool results): a literal phrase, matched
 * case-insensitively at word boundaries, or a regex written `/pattern/` or `/pattern/i`. `^` and `$`
 * match at line boundaries (`m` is implied).
 */
export const PhraseSchema = z
  .string()
  .min(1)
  .superRefine((value, context) => {
    const slashed = SLASH_REGEX.exec(value);
    if (!slashed) {
      if (/^\/.*\/[a-z]+$/s.test(value))
        context.addIssue({ code: 'custom', message: 'phrase regexes take no flags but i and m' });
      // a regex with stray characters after its closing slash would silently become a literal
      else if (value.startsWith('/') && /\\[bBsSdDwW]|\(\?/.test(value))
        context.addIssue({
          code: 'custom',
          message:
            'looks like a /regex/ but does not end with /, /i or /m (stray characters after the closing slash?)',
        });
      return;
    }
    if (!compiles(slashed[1]!))
      context.addIssue({ code: 'custom', message: 'not a valid regular expression' });
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

/** A compiled list of phrases, prefiltered on their required literals (see `requiredLiterals`). */
export interface PhraseSet {
  readonly size: number;
  /** The phrases as written. */
  readonly sources: readonly string[];
  /** Every match, in text order: matches of one phrase do not overlap; matches of different phrases may. */
  findAll(text: string): PhraseMatch[];
  /** The first match, or `undefined`. */
  find(text: string): PhraseMatch | undefined;
  /** Whether any phrase occurs. */
  test(text: string): boolean;
}

function literalSource(phrase: string): string {
  const body = escapeRegex(phrase).replace(/\s+/g, '\\s+');
  const head = /^\w/.test(phrase) ? '\\b' : '';
  const tail = /\w$/.test(phrase) ? '\\b' : '';
  return `${head}${body}${tail}`;
}

/** Longest text a phrase set scans, in UTF-16 code units; the rest of a longer text is ignored. */
export const MAX_SCANNED_LENGTH = 200_000;

interface CompiledPhrase {
  regex: RegExp;
}

/**
 * The prefilter of a phrase set: one pass of a literal alternation over the lower-cased text
 * finds which required literals occur, hence which phrases can match at all.
 */
interface Prefilter {
  regex: RegExp;
  /** For each literal: the phrases it (or a literal it contains) may admit. */
  admits: Map<string, number[]>;
}

function buildPrefilter(triggers: ReadonlyArray<string[] | undefined>): Prefilter | undefined {
  const byLiteral = new Map<string, number[]>();
  triggers.forEach((literals, index) => {
    for (const literal of literals ?? []) {
      const phrases = byLiteral.get(literal) ?? [];
      phrases.push(index);
      byLiteral.set(literal, phrases);
    }
  });
  if (byLiteral.size === 0) return undefined;
  const literals = [...byLiteral.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const admits = new Map<string, number[]>();
  for (const literal of literals) {
    const phrases = new Set<number>();
    for (const inner of literals)
      if (literal.includes(inner)) for (const phrase of byLiteral.get(inner)!) phrases.add(phrase);
    admits.set(literal, [...phrases]);
  }
  return {
    regex: new RegExp(literals.map(escapeRegex).join('|'), 'g'),
    admits,
  };
}

const LOWER_CACHE_SIZE = 16;
const lowerKeys: string[] = [];
const lowerValues: string[] = [];
let lowerNext = 0;

/** `text.toLowerCase()`, remembered for the last few texts: every phrase set scanning a text shares one copy. */
function lowerCase(text: string): string {
  for (let index = 0; index < lowerKeys.length; index++)
    if (lowerKeys[index] === text) return lowerValues[index]!;
  const lower = text.toLowerCase();
  lowerKeys[lowerNext] = text;
  lowerValues[lowerNext] = lower;
  lowerNext = (lowerNext + 1) % LOWER_CACHE_SIZE;
  return lower;
}

function byPosition(a: PhraseMatch, b: PhraseMatch): number {
  return a.start - b.start || a.phrase - b.phrase;
}

/** The next non-empty match of a global regex from its `lastIndex`, stepping over empty matches. */
function nextMatch(regex: RegExp, text: string): RegExpExecArray | null {
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    if (match[0].length > 0) return match;
    regex.lastIndex++;
  }
  return null;
}

/** Compiles phrases once; use the result for every transcript. */
export function compilePhrases(phrases: Phrases | undefined): PhraseSet {
  const list = phrases === undefined ? [] : Array.isArray(phrases) ? phrases : [phrases];
  const compiled: CompiledPhrase[] = [];
  const triggers: Array<string[] | undefined> = [];
  for (const phrase of list) {
    const slashed = SLASH_REGEX.exec(phrase);
    const source = slashed ? slashed[1]! : literalSource(phrase);
    const insensitive = !slashed || slashed[2]!.includes('i');
    compiled.push({ regex: new RegExp(source, insensitive ? 'gim' : 'gm') });
    triggers.push(requiredLiterals(source));
  }
  const always = triggers.flatMap((literals, index) => (literals ? [] : [index]));
  const prefilter = always.length === list.length ? undefined : buildPrefilter(triggers);

  // `marks[phrase] === pass` when the current prefilter pass has admitted the phrase already: a
  // phrase admitted by several literals is run once, without a set to build and iterate per pass
  const marks: number[] = list.map(() => 0);
  let pass = 0;

  /** The phrases that can match `text`, in no particular order: callers order matches themselves. */
  const candidates = (text: string): readonly number[] => {
    if (!prefilter) return always;
    const lower = lowerCase(text);
    pass++;
    let admitted: number[] | undefined;
    const regex = prefilter.regex;
    regex.lastIndex = 0;
    for (let match = regex.exec(lower); match; match = regex.exec(lower)) {
      for (const phrase of prefilter.admits.get(match[0])!) {
        if (marks[phrase] === pass) continue;
        marks[phrase] = pass;
        admitted ??= [...always];
        admitted.push(phrase);
      }
      regex.lastIndex = match.index + 1;
    }
    return admitted ?? always;
  };

  const findAll = (text: string): PhraseMatch[] => {
    const scanned = text.length > MAX_SCANNED_LENGTH ? text.slice(0, MAX_SCANNED_LENGTH) : text;
    const out: PhraseMatch[] = [];
    for (const index of candidates(scanned)) {
      const regex = compiled[index]!.regex;
      regex.lastIndex = 0;
      for (let match = nextMatch(regex, scanned); match; match = nextMatch(regex, scanned)) {
        out.push({ phrase: index, start: match.index, end: match.index + match[0].length });
      }
    }
    if (out.length > 1) out.sort(byPosition);
    return out;
  };
  /** The first match in text order (then by phrase): each candidate's first non-empty match, the least kept. */
  const find = (text: string): PhraseMatch | undefined => {
    const scanned = text.length > MAX_SCANNED_LENGTH ? text.slice(0, MAX_SCANNED_LENGTH) : text;
    let best: PhraseMatch | undefined;
    for (const index of candidates(scanned)) {
      const regex = compiled[index]!.regex;
      regex.lastIndex = 0;
      const match = nextMatch(regex, scanned);
      if (!match) continue;
      if (
        best === undefined ||
        match.index < best.start ||
        (match.index === best.start && index < best.phrase)
      )
        best = { phrase: index, start: match.index, end: match.index + match[0].length };
    }
    return best;
  };
  return {
    size: list.length,
    sources: list,
    findAll,
    find,
    test: (text) => {
      const scanned = text.length > MAX_SCANNED_LENGTH ? text.slice(0, MAX_SCANNED_LENGTH) : text;
      for (const index of candidates(scanned)) {
        const regex = compiled[index]!.regex;
        regex.lastIndex = 0;
        const match = regex.exec(scanned);
        if (match && match[0].length > 0) return true;
        if (match) return find(scanned) !== undefined;
      }
      return false;
    },
  };
}
