import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type CompiledRulePack, compileRulePack } from './compile-rule-pack.js';
import { loadRulePack, mergeRulePacks } from './load-rule-pack.js';
import { type RulePack, RulePackSchema } from './rule-pack-schema.js';

/** Where the default pack ships: `packs/default.yaml` in this package. */
export const DEFAULT_RULE_PACK_PATH = fileURLToPath(new URL('../../packs/default.yaml', import.meta.url));

let defaultPack: RulePack | undefined;

/** The default rule pack, parsed once. */
export function defaultRulePack(): RulePack {
  defaultPack ??= loadRulePack(DEFAULT_RULE_PACK_PATH);
  return defaultPack;
}

/** Grader options that choose rule packs. */
export const RulePackOptionsSchema = z.strictObject({
  /** Extra packs: paths of YAML/JSON files (relative to the config's directory) or inline packs. Later packs override earlier rules with the same id. */
  packs: z.array(z.union([z.string().min(1), RulePackSchema])).default([]),
  /** Start from the shipped default pack. Default true. */
  defaultPack: z.boolean().default(true),
});

/** Options that choose rule packs. */
export type RulePackOptions = z.infer<typeof RulePackOptionsSchema>;

const compiled = new Map<string, CompiledRulePack>();

/**
 * The compiled pack for these options: the default pack (unless turned off) merged with the given
 * packs. Compiled once per distinct options and directory, and shared by the graders.
 * @throws RuleDataError when a pack file is missing or invalid
 */
export function resolveRulePack(options: RulePackOptions, cwd: string): CompiledRulePack {
  const key = JSON.stringify([options.defaultPack, options.packs, cwd]);
  let pack = compiled.get(key);
  if (!pack) {
    const packs = [
      ...(options.defaultPack ? [defaultRulePack()] : []),
      ...options.packs.map((source) => (typeof source === 'string' ? loadRulePack(source, cwd) : source)),
    ];
    pack = compileRulePack(mergeRulePacks(packs));
    compiled.set(key, pack);
  }
  return pack;
}
