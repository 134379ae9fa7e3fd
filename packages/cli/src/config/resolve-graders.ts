import {
  ConfigError,
  createRegistry,
  type GraderRegistry,
  type GraderSetup,
  loadGraderPlugins,
  pluginOfSetup,
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

/** The config's `graders` and the file they were read from (none when defaults were used). */
export interface ConfiguredGraders {
  graders: readonly GraderEntry[] | undefined;
  file: string | undefined;
}

/**
 * Turns `--graders` (comma-separated ids or globs such as `rules.*`) or the config's `graders`
 * into setups. A glob must match at least one grader; an id must be known. Setups from the config
 * carry its file, so that errors about them (unknown id, bad options, a name used twice) name it.
 */
export function resolveGraderSetups(
  registry: GraderRegistry,
  flag: string | undefined,
  configured: ConfiguredGraders,
): GraderSetup[] {
  const file = flag ? undefined : configured.file;
  const entries: GraderEntry[] = flag
    ? flag
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
    : [...(configured.graders ?? [])];
  if (entries.length === 0) {
    throw new ConfigError({
      path: 'graders',
      reason: 'no graders chosen; pass --graders (e.g. --graders "rules.*") or set `graders` in the config',
    });
  }
  const setups: GraderSetup[] = [];
  for (const entry of entries) {
    if (typeof entry !== 'string') {
      const setup = { ...entry, file };
      pluginOfSetup(setup, registry);
      setups.push(setup);
      continue;
    }
    if (!entry.includes('*')) {
      const setup = { use: entry, file };
      pluginOfSetup(setup, registry);
      setups.push(setup);
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
        file,
        path: 'graders',
        reason: `"${entry}" matches no grader; known graders: ${known}`,
      });
    }
    for (const plugin of matched) setups.push({ use: plugin.id, file });
  }
  return setups;
}
