import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PluginLoadError } from '../errors/plugin-load-error.js';
import { checkGraderPlugin } from './check-plugin.js';
import type { AnyGraderPlugin } from './grader-plugin.js';

function isPathSpecifier(specifier: string): boolean {
  return specifier.startsWith('.') || isAbsolute(specifier) || specifier.startsWith('file:');
}

function resolveSpecifier(specifier: string, cwd: string): string {
  if (specifier.startsWith('file:')) return specifier;
  if (isPathSpecifier(specifier)) return pathToFileURL(resolve(cwd, specifier)).href;
  try {
    // Resolve bare package names from the user's project, not from judgekit's own install.
    const require = createRequire(resolve(cwd, 'package.json'));
    return pathToFileURL(require.resolve(specifier)).href;
  } catch {
    return specifier;
  }
}

/**
 * Loads grader plugins from an npm package name or a file path. The module may export the
 * plugin as `default`, as `plugin`, or several as `plugins`.
 * @param cwd directory that relative paths and package names are resolved from
 */
export async function loadGraderPlugins(specifier: string, cwd: string): Promise<AnyGraderPlugin[]> {
  let module: Record<string, unknown>;
  try {
    module = (await import(resolveSpecifier(specifier, cwd))) as Record<string, unknown>;
  } catch (error) {
    const reason = isPathSpecifier(specifier)
      ? `the file could not be imported (${(error as Error).message})`
      : `the package could not be imported from ${cwd} (${(error as Error).message}); is it installed?`;
    throw new PluginLoadError({ specifier, reason, cause: error });
  }
  const exported = module.plugins ?? module.default ?? module.plugin;
  if (exported === undefined) {
    throw new PluginLoadError({
      specifier,
      reason: 'the module exports no `default`, `plugin` or `plugins`',
    });
  }
  const candidates = Array.isArray(exported) ? exported : [exported];
  return candidates.map((candidate) => checkGraderPlugin(candidate, specifier));
}
