import { type ArgumentPath, compileArgumentPath } from '../matching/argument-path.js';
import { compilePhrases, MAX_SCANNED_LENGTH, type PhraseSet } from '../matching/phrase-set.js';
import {
  compileAnyPattern,
  type MatchRange,
  type PatternMode,
  type StringMatcher,
  type StringPattern,
} from '../matching/string-pattern.js';
import { locateInCall } from '../transcript/evidence-quote.js';
import type { ToolCallFact, ToolResultFact } from '../transcript/transcript-facts.js';
import { memoize } from './memoize.js';
import type { CallMatch } from './rule-pack-schema.js';

/** Where a call matched: a range of its canonical text, and of its result when the result was tested. */
export interface CallHit {
  call: ToolCallFact;
  /** Range in the call segment's text to quote: the matching argument value, or the tool name. */
  callRange: MatchRange;
  /** The argument value that matched, when an argument condition did. */
  value?: string;
  /** The part of `value` (or of the arguments text) the pattern matched. */
  matched?: string;
  /** Range in the result segment's text to quote. */
  resultRange?: MatchRange;
}

/** What compiled call matchers need from their pack. */
export interface CallMatchContext {
  /** The kinds (`shell`, `write`…) a tool name belongs to. */
  kindsOf(toolName: string): ReadonlySet<string>;
  /** The argument paths of a role; empty for an unknown role. */
  rolePaths(role: string): readonly ArgumentPath[];
  /** Where a result reports failure, or `undefined`. */
  failure(result: ToolResultFact): MatchRange | undefined;
}

/** A compiled `CallMatch`. */
export type CallMatcher = (call: ToolCallFact) => CallHit | undefined;

function list<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * The string values of a call's arguments at `paths`, each cut to the scanned length. Memoized per
 * call and paths array (pack roles and compiled conditions keep their arrays), so the many rules
 * reading one role of one call read it once.
 */
export function valuesAt(call: ToolCallFact, paths: readonly ArgumentPath[]): string[] {
  call.values ??= new Map();
  let out = call.values.get(paths);
  if (out) return out;
  out = [];
  for (const path of paths) path.values(call.call.arguments, out);
  for (let index = 0; index < out.length; index++) {
    if (out[index]!.length > MAX_SCANNED_LENGTH) out[index] = out[index]!.slice(0, MAX_SCANNED_LENGTH);
  }
  call.values.set(paths, out);
  return out;
}

/** The arguments part of a call's canonical text, and where it starts (memoized on the call). */
export function argumentsText(call: ToolCallFact): { text: string; offset: number } {
  if (call.argumentsText === undefined) {
    const offset = call.call.name.length + 1;
    call.argumentsText = { text: call.segment.text.slice(offset, offset + MAX_SCANNED_LENGTH), offset };
  }
  return call.argumentsText;
}

function nameRange(call: ToolCallFact): MatchRange {
  return { start: 0, end: call.call.name.length };
}

interface ArgumentTest {
  paths: readonly ArgumentPath[] | undefined;
  matcher: StringMatcher;
}

/**
 * Compiles a call match: a tool selector (names and kinds), argument conditions (all must hold)
 * and a result condition. Argument globs follow `mode` (`text` for commands: `*` crosses `/`).
 */
export function compileCallMatch(
  match: CallMatch,
  context: CallMatchContext,
  mode: PatternMode = 'text',
): CallMatcher {
  const names = match.tool?.name === undefined ? undefined : compileAnyPattern(list(match.tool.name), 'text');
  const kinds = list(match.tool?.kind);
  const selects = memoize((name) => {
    if (names && !names.find(name)) return false;
    const own = context.kindsOf(name);
    return kinds.length === 0 || kinds.some((kind) => own.has(kind));
  });
  const argumentTests: ArgumentTest[] = (match.arguments ?? []).map((condition) => ({
    paths: condition.path
      ? [compileArgumentPath(condition.path)]
      : condition.role
        ? context.rolePaths(condition.role)
        : undefined,
    matcher: compileAnyPattern(list(condition.match as StringPattern | StringPattern[]), mode),
  }));
  const resultPhrases: PhraseSet | undefined = match.result?.match
    ? compilePhrases(match.result.match)
    : undefined;
  const wantFailed = match.result?.failed;

  return (call) => {
    if (!selects(call.call.name)) return undefined;
    // the first argument that matched locates the hit; the tool name when there is no argument test
    let located: CallHit | undefined;
    for (const test of argumentTests) {
      let found: CallHit | undefined;
      if (test.paths === undefined) {
        const { text, offset } = argumentsText(call);
        const range = test.matcher.find(text);
        if (range) {
          found = {
            call,
            callRange: { start: offset + range.start, end: offset + range.end },
            matched: text.slice(range.start, range.end),
          };
        }
      } else {
        for (const value of valuesAt(call, test.paths)) {
          const range = test.matcher.find(value);
          if (range) {
            found = {
              call,
              callRange: locateInCall(call.segment, value),
              value,
              matched: value.slice(range.start, range.end),
            };
            break;
          }
        }
      }
      if (!found) return undefined;
      located ??= found;
    }
    let hit = located ?? { call, callRange: nameRange(call) };
    if (resultPhrases || wantFailed !== undefined) {
      const result = call.result;
      if (!result) return undefined;
      if (wantFailed !== undefined) {
        const failure = context.failure(result);
        if (Boolean(failure) !== wantFailed) return undefined;
        if (failure) hit = { ...hit, resultRange: failure };
      }
      if (resultPhrases) {
        const found = resultPhrases.find(result.segment.text);
        if (!found) return undefined;
        hit = { ...hit, resultRange: { start: found.start, end: found.end } };
      }
    }
    return hit;
  };
}

/** A call match or a list of them, compiled: a list matches a call that any of its entries matches (the first hit). */
export function compileAnyCallMatch(
  match: CallMatch | readonly CallMatch[],
  context: CallMatchContext,
): CallMatcher {
  if (!Array.isArray(match)) return compileCallMatch(match as CallMatch, context);
  const matchers = match.map((entry) => compileCallMatch(entry, context));
  return (call) => {
    for (const matcher of matchers) {
      const hit = matcher(call);
      if (hit) return hit;
    }
    return undefined;
  };
}
