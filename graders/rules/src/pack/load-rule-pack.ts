import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatIssuePath } from '@judgekit/core';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { RuleDataError } from '../errors/rule-data-error.js';
import {
  type MetricValues,
  type ProseRules,
  type RulePack,
  type RulePackInput,
  RulePackSchema,
} from './rule-pack-schema.js';

/** Reads a YAML or JSON file (JSON is YAML), throwing a `RuleDataError` that names the file. */
export function readDataFile(path: string, kind: 'rule pack' | 'lexicon'): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new RuleDataError({ kind, source: path, reason: 'the file cannot be read', cause: error });
  }
  try {
    return parseYaml(text);
  } catch (error) {
    throw new RuleDataError({
      kind,
      source: path,
      reason: `not valid YAML or JSON: ${(error as Error).message}`,
      cause: error,
    });
  }
}

/** Parses `value` with `schema`, turning the first issue into a `RuleDataError`. */
export function parseData<TSchema extends z.ZodType>(
  schema: TSchema,
  value: unknown,
  kind: 'rule pack' | 'lexicon',
  source: string,
): z.infer<TSchema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new RuleDataError({ kind, source, path: formatIssuePath(issue.path), reason: issue.message });
}

/**
 * Loads a rule pack from a YAML/JSON file (resolved against `cwd`) or validates one given inline.
 * @throws RuleDataError naming the file and field when the pack is invalid
 */
export function loadRulePack(source: string | RulePackInput, cwd = process.cwd()): RulePack {
  if (typeof source !== 'string') return parseData(RulePackSchema, source, 'rule pack', 'options');
  const path = resolve(cwd, source);
  return parseData(RulePackSchema, readDataFile(path, 'rule pack'), 'rule pack', path);
}

function mergeRecordOfLists<T>(a: Record<string, T[]>, b: Record<string, T[]>): Record<string, T[]> {
  const out: Record<string, T[]> = { ...a };
  for (const [key, values] of Object.entries(b)) out[key] = [...(out[key] ?? []), ...values];
  return out;
}

function mergeById<T extends { id: string }>(a: readonly T[], b: readonly T[]): T[] {
  const ids = new Set(b.map((item) => item.id));
  return [...a.filter((item) => !ids.has(item.id)), ...b];
}

type Listish<T> = T | T[];
function list<T>(value: Listish<T> | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function mergeOptionalLists<T extends object>(a: T | undefined, b: T | undefined): T | undefined {
  if (!a) return b;
  if (!b) return a;
  const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  for (const [key, value] of Object.entries(b)) {
    out[key] = [...list(out[key] as Listish<unknown>), ...list(value as Listish<unknown>)];
  }
  return out as T;
}

/** Metric values merged: a metric with an earlier id replaces it, phrase lists concatenate, weights given replace. */
function mergeValues(a: MetricValues | undefined, b: MetricValues | undefined): MetricValues | undefined {
  if (!a) return b;
  if (!b) return a;
  const { metrics: _a, weights: weightsA, ...phrasesA } = a;
  const { metrics: _b, weights: weightsB, ...phrasesB } = b;
  return {
    ...mergeOptionalLists(phrasesA, phrasesB),
    metrics: mergeById(a.metrics, b.metrics),
    weights: { ...weightsA, ...weightsB },
  };
}

/** Prose rules merged: an action or command with an earlier id replaces it, phrase lists concatenate, a later weight replaces. */
function mergeProse(a: ProseRules | undefined, b: ProseRules | undefined): ProseRules | undefined {
  if (!a) return b;
  if (!b) return a;
  const { actions: actionsA, commands: commandsA, weight: _weightA, allowlists: listsA, ...phrasesA } = a;
  const { actions: actionsB, commands: commandsB, weight, allowlists: listsB, ...phrasesB } = b;
  const allowlists = mergeOptionalLists(listsA, listsB);
  return {
    ...(mergeOptionalLists(phrasesA, phrasesB) as Omit<
      ProseRules,
      'actions' | 'commands' | 'weight' | 'allowlists'
    >),
    ...(allowlists ? { allowlists } : {}),
    actions: mergeById(actionsA, actionsB),
    commands: mergeById(commandsA, commandsB),
    weight,
  };
}

/**
 * Merges packs left to right: kinds, roles and phrase lists are concatenated; a rule, claim,
 * finding, intent family or metric with the id of an earlier one replaces it.
 */
export function mergeRulePacks(packs: readonly RulePack[]): RulePack {
  const [first, ...rest] = packs;
  if (!first) return RulePackSchema.parse({ version: 1, name: 'empty' });
  return rest.reduce<RulePack>(
    (merged, pack) => ({
      version: 1,
      name: `${merged.name}+${pack.name}`,
      description: merged.description,
      allowedHosts: [...merged.allowedHosts, ...pack.allowedHosts],
      toolKinds: mergeRecordOfLists(merged.toolKinds, pack.toolKinds),
      argumentRoles: mergeRecordOfLists(merged.argumentRoles, pack.argumentRoles),
      failureSignals: [...merged.failureSignals, ...pack.failureSignals],
      mutatingCommands: [...merged.mutatingCommands, ...pack.mutatingCommands],
      environments: [...merged.environments, ...pack.environments],
      rules: mergeById(merged.rules, pack.rules),
      claims: mergeById(merged.claims, pack.claims),
      findings: mergeById(merged.findings, pack.findings),
      intent: mergeById(merged.intent, pack.intent),
      values: mergeValues(merged.values, pack.values),
      modifiers: mergeOptionalLists(merged.modifiers, pack.modifiers),
      deniability: mergeOptionalLists(merged.deniability, pack.deniability),
      prose: mergeProse(merged.prose, pack.prose),
    }),
    first,
  );
}
