import { PluginLoadError } from '../errors/plugin-load-error.js';
import type { AnyGraderPlugin } from './grader-plugin.js';
import { isSupportedGraderSpec, unsupportedSpecReason } from './spec-version.js';

const KINDS = ['rule', 'llm-judge', 'distribution'];

/**
 * Checks that a value meets the plugin contract, with a reason naming the first field that does not.
 * @param specifier where the value came from, for the error message
 */
export function checkGraderPlugin(value: unknown, specifier: string): AnyGraderPlugin {
  const fail = (reason: string): never => {
    throw new PluginLoadError({ specifier, reason });
  };
  if (typeof value !== 'object' || value === null) return fail('the export is not an object');
  const plugin = value as Record<string, unknown>;
  if (!isSupportedGraderSpec(plugin.spec)) return fail(unsupportedSpecReason(plugin.spec));
  if (typeof plugin.id !== 'string' || !/^[a-z0-9][a-z0-9._@/-]*$/.test(plugin.id))
    return fail('`id` must be a lower-case string such as "acme.my-grader"');
  if (typeof plugin.version !== 'string' || plugin.version.length === 0)
    return fail('`version` must be a string');
  if (!KINDS.includes(plugin.kind as string)) return fail(`\`kind\` must be one of ${KINDS.join(', ')}`);
  if (!Array.isArray(plugin.dimensions) || plugin.dimensions.length === 0)
    return fail('`dimensions` must be a non-empty array');
  if (!Array.isArray(plugin.views)) return fail('`views` must be an array');
  if (typeof plugin.needsKey !== 'boolean') return fail('`needsKey` must be a boolean');
  const config = plugin.config as { safeParse?: unknown } | undefined;
  if (typeof config?.safeParse !== 'function') return fail('`config` must be a zod schema');
  const docs = plugin.docs as { description?: unknown } | undefined;
  if (typeof docs?.description !== 'string') return fail('`docs.description` must be a string');
  if (typeof plugin.create !== 'function') return fail('`create` must be a function');
  return value as AnyGraderPlugin;
}
