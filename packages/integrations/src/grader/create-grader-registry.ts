import { type AnyGraderPlugin, createRegistry, type GraderRegistry, loadGraderPlugins } from '@judgekit/core';
import { BUILTIN_GRADER_PLUGINS } from './builtin-graders.js';

/** Options of `createGraderRegistry`. */
export interface CreateGraderRegistryOptions {
  /** Third-party plugins: npm package names or file paths (as in a config's `plugins`), or plugin objects. */
  plugins?: readonly (string | AnyGraderPlugin)[];
  /** Directory package names and relative paths resolve from; default the current directory. */
  cwd?: string;
  /** Include the built-in graders (default `true`). */
  builtins?: boolean;
}

/**
 * A registry of the built-in graders plus third-party plugins, as `judgekit grade` builds it from a
 * config: plugins load by package name or path, and an id registered twice is refused.
 */
export async function createGraderRegistry(
  options: CreateGraderRegistryOptions = {},
): Promise<GraderRegistry> {
  const registry = createRegistry(options.builtins === false ? [] : BUILTIN_GRADER_PLUGINS);
  const cwd = options.cwd ?? process.cwd();
  for (const plugin of options.plugins ?? []) {
    if (typeof plugin === 'string') registry.register(...(await loadGraderPlugins(plugin, cwd)));
    else registry.register(plugin);
  }
  return registry;
}
