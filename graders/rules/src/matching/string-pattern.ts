import picomatch from 'picomatch';
import { z } from 'zod';
import { escapeRegex } from './escape-regex.js';

const SLASH_REGEX = /^\/(.+)\/([a-z]*)$/s;

/** Whether `source` compiles as a JavaScript regular expression with `flags`. */
function compiles(source: string, flags = ''): boolean {
  try {
    new RegExp(source, flags);
    return true;
  } catch {
    return false;
  }
}

const RegexFlagsSchema = z
  .string()
  .regex(/^[imsu]*$/, 'regex flags may only be i, m, s and u (g and y are stateful)');

/**
 * How a rule matches a string (a tool name, an argument, a path, a command):
 * - a plain string is a glob (picomatch), or a regex when written `/pattern/flags`;
 * - `{ glob }`, `{ regex, flags? }`, `{ equals }`, `{ contains, ignoreCase? }`.
 */
export const StringPatternSchema = z.union([
  z
    .string()
    .min(1)
    .refine((value) => {
      const slashed = SLASH_REGEX.exec(value);
      return !slashed || compiles(slashed[1]!, slashed[2]!.replace(/[gy]/g, ''));
    }, 'not a valid /regex/flags'),
  z.object({ glob: z.string().min(1) }).strict(),
  z
    .object({ regex: z.string().min(1), flags: RegexFlagsSchema.optional() })
    .strict()
    .refine((value) => compiles(value.regex, value.flags), 'not a valid regular expression'),
  z.object({ equals: z.string() }).strict(),
  z.object({ contains: z.string().min(1), ignoreCase: z.boolean().optional() }).strict(),
]);

/** A string pattern as written in a rule pack. */
export type StringPattern = z.infer<typeof StringPatternSchema>;

/** `path`: globs follow path rules (`*` stops at `/`); `text`: `*` matches anything, case-insensitively. */
export type PatternMode = 'path' | 'text';

/** Where a pattern matched in a string: `[start, end)`. */
export interface MatchRange {
  start: number;
  end: number;
}

/** A compiled string pattern. */
export interface StringMatcher {
  /** The pattern as written, for rationales. */
  readonly source: string;
  /** Where the pattern matches `value`, or `undefined`. Globs and `equals` match the whole value. */
  find(value: string): MatchRange | undefined;
}

function regexMatcher(source: string, regex: RegExp): StringMatcher {
  return {
    source,
    find(value) {
      const match = regex.exec(value);
      if (!match) return undefined;
      return { start: match.index, end: match.index + match[0].length };
    },
  };
}

/** A pattern as one regular expression, with the text it was written as. */
function patternRegex(pattern: StringPattern, mode: PatternMode): { label: string; regex: RegExp } {
  const glob = (text: string) =>
    picomatch.makeRe(text, mode === 'path' ? { dot: true } : { dot: true, bash: true, nocase: true });
  if (typeof pattern === 'string') {
    const slashed = SLASH_REGEX.exec(pattern);
    if (slashed) return { label: pattern, regex: new RegExp(slashed[1]!, slashed[2]!.replace(/[gy]/g, '')) };
    return { label: pattern, regex: glob(pattern) };
  }
  if ('glob' in pattern) return { label: pattern.glob, regex: glob(pattern.glob) };
  if ('regex' in pattern) {
    return {
      label: `/${pattern.regex}/${pattern.flags ?? ''}`,
      regex: new RegExp(pattern.regex, pattern.flags),
    };
  }
  if ('equals' in pattern) {
    return {
      label: JSON.stringify(pattern.equals),
      regex: new RegExp(`^${escapeRegex(pattern.equals)}$`, 'u'),
    };
  }
  return {
    label: `contains ${JSON.stringify(pattern.contains)}`,
    regex: new RegExp(escapeRegex(pattern.contains), (pattern.ignoreCase ?? true) ? 'iu' : 'u'),
  };
}

/** Compiles a pattern once, so matching in the hot path never re-parses it. */
export function compileStringPattern(pattern: StringPattern, mode: PatternMode): StringMatcher {
  const { label, regex } = patternRegex(pattern, mode);
  return regexMatcher(label, regex);
}

/**
 * Compiles several patterns into as few regular expressions as their flags allow (one pass per
 * flag set instead of one per pattern); `find` returns the leftmost match of any of them.
 * Patterns with backreferences or named groups keep their own regex.
 */
export function compileAnyPattern(patterns: readonly StringPattern[], mode: PatternMode): StringMatcher {
  const compiled = patterns.map((pattern) => patternRegex(pattern, mode));
  const groups = new Map<string, string[]>();
  const separate: RegExp[] = [];
  for (const { regex } of compiled) {
    if (/\\[1-9]|\\k<|\(\?<[A-Za-z_$]/.test(regex.source)) {
      separate.push(regex);
      continue;
    }
    const sources = groups.get(regex.flags) ?? [];
    sources.push(`(?:${regex.source})`);
    groups.set(regex.flags, sources);
  }
  const regexes = [
    ...[...groups].map(([flags, sources]) => new RegExp(sources.join('|'), flags)),
    ...separate,
  ];
  const label = compiled.map((item) => item.label).join(' | ');
  if (regexes.length === 1) return regexMatcher(label, regexes[0]!);
  return {
    source: label,
    find(value) {
      let best: MatchRange | undefined;
      for (const regex of regexes) {
        const match = regex.exec(value);
        if (match && (!best || match.index < best.start))
          best = { start: match.index, end: match.index + match[0].length };
      }
      return best;
    },
  };
}
