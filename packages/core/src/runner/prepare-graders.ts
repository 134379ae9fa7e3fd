import { ConfigError } from '../errors/config-error.js';
import { formatIssuePath, issueToReport } from '../errors/error-info.js';
import { UnknownGraderError } from '../errors/unknown-grader-error.js';
import type {
  AnyGraderPlugin,
  CorpusGrader,
  GraderCreateContext,
  TranscriptGrader,
} from '../plugin/grader-plugin.js';
import type { GraderRegistry } from '../plugin/registry.js';
import type { Dimension } from '../schemas/dimension.js';

/** A grader as named in a config: a plugin id, an optional unique name, and its options. */
export interface GraderSetup {
  /** The plugin id, e.g. `rules.eval-awareness`. */
  use: string;
  /** Unique name within the run; defaults to `use`. Lets one plugin run twice with other options. */
  name?: string | undefined;
  options?: unknown;
  /** The config file this grader is set up in, if any: errors about the grader name it. */
  file?: string | undefined;
}

/** A grader ready to run: its plugin, validated options and live instance. */
export interface PreparedGrader {
  name: string;
  plugin: AnyGraderPlugin;
  options: unknown;
  instance: TranscriptGrader | CorpusGrader;
  /** The dimensions this instance answers (the plugin's unless its options narrow them). */
  dimensions: readonly Dimension[];
}

/** The plugin a setup uses; an unknown id throws an `UnknownGraderError` naming the setup's `file`. */
export function pluginOfSetup(setup: GraderSetup, registry: GraderRegistry): AnyGraderPlugin {
  try {
    return registry.get(setup.use);
  } catch (error) {
    if (!setup.file || !UnknownGraderError.isInstance(error)) throw error;
    throw new UnknownGraderError({ id: error.id, known: error.known, file: setup.file, cause: error });
  }
}

/**
 * Looks up each grader in the registry, validates its options against the plugin's schema and
 * creates it. Errors name the grader, the option field and the setup's config `file` when it has one.
 */
export function prepareGraders(
  setups: readonly GraderSetup[],
  registry: GraderRegistry,
  context: GraderCreateContext,
): PreparedGrader[] {
  const names = new Set<string>();
  return setups.map((setup) => {
    const plugin = pluginOfSetup(setup, registry);
    const name = setup.name ?? setup.use;
    if (names.has(name)) {
      throw new ConfigError({
        file: setup.file,
        path: `graders.${name}`,
        reason: `grader name "${name}" is used twice; give one of them another \`name\``,
      });
    }
    names.add(name);
    const parsed = plugin.config.safeParse(setup.options ?? {});
    if (!parsed.success) {
      const issue = issueToReport(parsed.error.issues[0]!);
      throw new ConfigError({
        file: setup.file,
        path: ['graders', name, 'options', formatIssuePath(issue.path)].filter(Boolean).join('.'),
        reason: issue.message,
      });
    }
    const options = parsed.data as { dimensions?: readonly Dimension[] } | undefined;
    const dimensions = Array.isArray(options?.dimensions) ? options.dimensions : plugin.dimensions;
    return { name, plugin, options: parsed.data, instance: plugin.create(parsed.data, context), dimensions };
  });
}
