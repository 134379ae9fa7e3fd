import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { RuleDataError } from '../errors/rule-data-error.js';
import { parseData, readDataFile } from '../pack/load-rule-pack.js';
import { type CueFamily, type Lexicon, type LexiconInput, LexiconSchema } from './lexicon-schema.js';

/** Where the default lexicon ships: `lexicons/eval-awareness.yaml` in this package. */
export const DEFAULT_LEXICON_PATH = fileURLToPath(
  new URL('../../lexicons/eval-awareness.yaml', import.meta.url),
);

/**
 * Loads a lexicon from a YAML/JSON file (resolved against `cwd`) or validates one given inline.
 * @throws RuleDataError naming the file and field when the lexicon is invalid
 */
export function loadLexicon(source: string | LexiconInput, cwd = process.cwd()): Lexicon {
  if (typeof source !== 'string') return parseData(LexiconSchema, source, 'lexicon', 'options');
  const path = resolve(cwd, source);
  return parseData(LexiconSchema, readDataFile(path, 'lexicon'), 'lexicon', path);
}

let defaultLexicon: Lexicon | undefined;

/** The shipped lexicon, parsed once. */
export function defaultEvalAwarenessLexicon(): Lexicon {
  defaultLexicon ??= loadLexicon(DEFAULT_LEXICON_PATH);
  return defaultLexicon;
}

type Listish<T> = T | T[] | undefined;
function list<T>(value: Listish<T>): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function concat<T>(a: Listish<T>, b: Listish<T>): T[] | undefined {
  const out = [...list(a), ...list(b)];
  return out.length === 0 ? undefined : out;
}

function mergeFamily(base: CueFamily, extension: CueFamily): CueFamily {
  const merged: CueFamily = { ...base };
  for (const [key, value] of Object.entries(extension)) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  merged.cues = [...base.cues, ...extension.cues];
  const topic = concat(base.topic, extension.topic);
  if (topic) merged.topic = topic;
  return merged;
}

/**
 * Merges lexicons left to right. A family whose id exists is extended: its cues appended, other
 * fields given replace the earlier ones. Phrase lists are concatenated; scalars are overridden.
 * @throws RuleDataError when a merged family lacks a category or a weight
 */
export function mergeLexicons(lexicons: readonly Lexicon[]): Lexicon {
  let merged: Lexicon = { version: 1, name: 'empty', families: [] };
  for (const next of lexicons) {
    const families = [...merged.families];
    for (const family of next.families) {
      const at = families.findIndex((candidate) => candidate.id === family.id);
      if (at >= 0) families[at] = mergeFamily(families[at]!, family);
      else families.push(family);
    }
    merged = {
      ...merged,
      ...Object.fromEntries(Object.entries(next).filter(([, value]) => value !== undefined)),
      name: merged.name === 'empty' ? next.name : `${merged.name}+${next.name}`,
      scopes: { ...merged.scopes, ...next.scopes },
      modifiers: { ...merged.modifiers, ...next.modifiers },
      families,
      exclusions: concat(merged.exclusions, next.exclusions),
      negations: concat(merged.negations, next.negations),
      hypotheticals: concat(merged.hypotheticals, next.hypotheticals),
      declaredTest: concat(merged.declaredTest, next.declaredTest),
    };
  }
  for (const [index, family] of merged.families.entries()) {
    if (family.category === undefined || family.weight === undefined) {
      throw new RuleDataError({
        kind: 'lexicon',
        source: 'merged lexicons',
        path: `families.${index}`,
        reason: `family "${family.id}" needs a category and a weight`,
      });
    }
  }
  return merged;
}

/** Grader options that choose lexicons. */
export const LexiconOptionsSchema = z.strictObject({
  /** Extra lexicons: file paths (relative to the config's directory) or inline lexicons, merged after the default. */
  lexicons: z.array(z.union([z.string().min(1), LexiconSchema])).default([]),
  /** Start from the shipped lexicon. Default true. */
  defaultLexicon: z.boolean().default(true),
});

/** Options that choose lexicons. */
export type LexiconOptions = z.infer<typeof LexiconOptionsSchema>;

/** The merged lexicon for these options. */
export function resolveLexicon(options: LexiconOptions, cwd: string): Lexicon {
  return mergeLexicons([
    ...(options.defaultLexicon ? [defaultEvalAwarenessLexicon()] : []),
    ...options.lexicons.map((source) => (typeof source === 'string' ? loadLexicon(source, cwd) : source)),
  ]);
}
