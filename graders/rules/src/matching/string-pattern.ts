import picomatch from 'picomatch';
import { z } from 'zod';

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

function globMatcher(glob: string, mode: PatternMode): StringMatcher {
  const regex = picomatch.makeRe(
    glob,
    mode === 'path' ? { dot: true } : { dot: true, bash: true, nocase: true },
  );
  return {
    source: glob,
    find(value) {
      return regex.test(value) ? { start: 0, end: value.length } : undefined;
    },
  };
}

/** Compiles a pattern once, so matching in the hot path never re-parses it. */
export function compileStringPattern(pattern: StringPattern, mode: PatternMode): StringMatcher {
  if (typeof pattern === 'string') {
    const slashed = SLASH_REGEX.exec(pattern);
    if (slashed) return regexMatcher(pattern, new RegExp(slashed[1]!, slashed[2]!.replace(/[gy]/g, '')));
    return globMatcher(pattern, mode);
  }
  if ('glob' in pattern) return globMatcher(pattern.glob, mode);
  if ('regex' in pattern)
    return regexMatcher(`/${pattern.regex}/${pattern.flags ?? ''}`, new RegExp(pattern.regex, pattern.flags));
  if ('equals' in pattern) {
    const expected = pattern.equals;
    return {
      source: JSON.stringify(expected),
      find: (value) => (value === expected ? { start: 0, end: value.length } : undefined),
    };
  }
  const escaped = pattern.contains.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return regexMatcher(
    `contains ${JSON.stringify(pattern.contains)}`,
    new RegExp(escaped, (pattern.ignoreCase ?? true) ? 'iu' : 'u'),
  );
}

/** Compiles several patterns; `find` returns the first that matches. */
export function compileAnyPattern(patterns: readonly StringPattern[], mode: PatternMode): StringMatcher {
  const matchers = patterns.map((pattern) => compileStringPattern(pattern, mode));
  return {
    source: matchers.map((matcher) => matcher.source).join(' | '),
    find(value) {
      for (const matcher of matchers) {
        const found = matcher.find(value);
        if (found) return found;
      }
      return undefined;
    },
  };
}
