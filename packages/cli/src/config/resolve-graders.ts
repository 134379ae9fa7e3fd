import {
  ConfigError,
  createRegistry,
  type GraderRegistry,
  type GraderSetup,
  loadGraderPlugins,
} from '@judgekit/core';
import { BUILTIN_GRADER_PLUGINS } from './builtin-graders.js';
import type { GraderEntry, JudgekitConfig } from './config-schema.js';

/** Builds the registry: built-in graders plus the config's plugins. */
export async function buildRegistry(config: JudgekitConfig, directory: string): Promise<GraderRegistry> {
  const registry = createRegistry(BUILTIN_GRADER_PLUGINS);
  for (const specifier of config.plugins) {
    registry.register(...(await loadGraderPlugins(specifier, directory)));
  }
  return registry;
}

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/**
 * Turns `--graders` (comma-separated ids or globs such as `rules.*`) or the config's `graders`
 * into setups. A glob must match at least one grader; an id must be known.
 */
export function resolveGraderSetups(
  registry: GraderRegistry,
  flag: string | undefined,
  configured: readonly GraderEntry[] | undefined,
): GraderSetup[] {
  const entries: GraderEntry[] = flag
    ? flag
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
    : [...(configured ?? [])];
  if (entries.length === 0) {
    throw new ConfigError({
      path: 'graders',
      reason: 'no graders chosen; pass --graders (e.g. --graders "rules.*") or set `graders` in the config',
    });
  }
  const setups: GraderSetup[] = [];
  for (const entry of entries) {
    if (typeof entry !== 'string') {
      registry.get(entry.use);
      setups.push(entry);
      continue;
    }
    if (!entry.includes('*')) {
      registry.get(entry);
      setups.push({ use: entry });
      continue;
    }
    const pattern = globToRegExp(entry);
    const matched = registry.list().filter((plugin) => pattern.test(plugin.id));
    if (matched.length === 0) {
      const known = registry
        .list()
        .map((plugin) => plugin.id)
        .join(', ');
      throw new ConfigError({
        path: 'graders',
        reason: `"${entry}" matches no grader; known graders: ${known}`,
      });
    }
    for (const plugin of matched) setups.push({ use: plugin.id });
  }
  return setups;
}
