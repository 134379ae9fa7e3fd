import { PluginLoadError } from '../errors/plugin-load-error.js';
import { UnknownGraderError } from '../errors/unknown-grader-error.js';
import { checkGraderPlugin } from './check-plugin.js';
import type { AnyGraderPlugin } from './grader-plugin.js';

/** The set of grader plugins a run can use, by id. */
export interface GraderRegistry {
  /** Adds plugins; a second plugin with the same id is refused. */
  register(...plugins: AnyGraderPlugin[]): void;
  /** The plugin with this id, or an `UnknownGraderError` listing the known ids. */
  get(id: string): AnyGraderPlugin;
  has(id: string): boolean;
  list(): AnyGraderPlugin[];
}

/** Creates a registry holding `plugins`. */
export function createRegistry(plugins: readonly AnyGraderPlugin[] = []): GraderRegistry {
  const byId = new Map<string, AnyGraderPlugin>();
  const registry: GraderRegistry = {
    register(...added) {
      for (const candidate of added) {
        const plugin = checkGraderPlugin(candidate, (candidate as { id?: string })?.id ?? '(anonymous)');
        if (byId.has(plugin.id) && byId.get(plugin.id) !== plugin) {
          throw new PluginLoadError({
            specifier: plugin.id,
            reason: 'a grader with this id is already registered',
          });
        }
        byId.set(plugin.id, plugin);
      }
    },
    get(id) {
      const plugin = byId.get(id);
      if (!plugin) throw new UnknownGraderError({ id, known: [...byId.keys()].sort() });
      return plugin;
    },
    has: (id) => byId.has(id),
    list: () => [...byId.values()].sort((a, b) => a.id.localeCompare(b.id)),
  };
  registry.register(...plugins);
  return registry;
}
