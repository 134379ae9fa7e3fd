import {
  type AnyGraderPlugin,
  checkGraderPlugin,
  DimensionSchema,
  JudgekitError,
  VIEWS,
} from '@judgekit/core';

/**
 * Checks a plugin against the grader contract beyond its shape: spec version, id and version
 * format, dimension names, views, a config schema that accepts its own defaults, docs.
 * Returns the problems found (empty when the plugin is sound).
 * @param options.defaultOptions options that should validate (default `{}`)
 */
export function contractProblems(plugin: unknown, options: { defaultOptions?: unknown } = {}): string[] {
  let checked: AnyGraderPlugin;
  try {
    checked = checkGraderPlugin(plugin, (plugin as { id?: string })?.id ?? '(plugin)');
  } catch (error) {
    return [JudgekitError.isInstance(error) ? error.message : String(error)];
  }
  const problems: string[] = [];
  if (!/^\d+\.\d+\.\d+(?:[-+][\w.-]+)?$/.test(checked.version)) {
    problems.push(`version "${checked.version}" is not semver (x.y.z)`);
  }
  for (const dimension of checked.dimensions) {
    if (!DimensionSchema.safeParse(dimension).success)
      problems.push(`dimension "${dimension}" is not snake_case`);
  }
  for (const view of checked.views) {
    if (!(VIEWS as readonly string[]).includes(view))
      problems.push(`view "${view}" is not one of ${VIEWS.join(', ')}`);
  }
  if (checked.kind !== 'distribution' && checked.views.length === 0) {
    problems.push('a per-transcript grader must list the views it supports (first is the default)');
  }
  const parsed = checked.config.safeParse(options.defaultOptions ?? {});
  if (!parsed.success) {
    problems.push(
      `config schema rejects the default options: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    );
  }
  if (checked.docs.description.trim().length < 10)
    problems.push('docs.description is too short to help a user');
  return problems;
}
