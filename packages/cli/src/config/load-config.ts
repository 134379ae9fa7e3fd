import { dirname } from 'node:path';
import { ConfigError, formatIssuePath } from '@judgekit/core';
import { cosmiconfig, defaultLoaders, type Loader } from 'cosmiconfig';
import { type JudgekitConfig, JudgekitConfigSchema } from './config-schema.js';

/** A loaded config and the file it came from (none when defaults were used). */
export interface LoadedConfig {
  config: JudgekitConfig;
  file: string | undefined;
  /** Directory relative paths in the config resolve against. */
  directory: string;
}

const MODULE_NAME = 'judgekit';

/**
 * A module loader that refuses a module exporting nothing (`export default null`): cosmiconfig
 * would take it for no config at all and fall back to the defaults without a word. An empty or
 * comments-only JSON/YAML file still means the defaults.
 */
function exportingSomething(load: Loader): Loader {
  return async (filepath, content) => {
    const value = await load(filepath, content);
    const exported = (value as { default?: unknown } | null | undefined)?.default ?? value;
    if (exported === null || exported === undefined) {
      throw new Error(
        `${filepath} exports no config (its default export is ${exported}); export an object, {} for the defaults`,
      );
    }
    return value;
  };
}

/** Loads a `.ts`/`.mts` config; imports the TypeScript loader (and jiti with it) only for such a file. */
const typeScriptLoader: Loader = async (filepath, content) => {
  const { TypeScriptLoader } = await import('cosmiconfig-typescript-loader');
  return TypeScriptLoader()(filepath, content);
};

function explorer() {
  return cosmiconfig(MODULE_NAME, {
    searchPlaces: [
      'package.json',
      `.${MODULE_NAME}rc`,
      `.${MODULE_NAME}rc.json`,
      `.${MODULE_NAME}rc.yaml`,
      `.${MODULE_NAME}rc.yml`,
      `${MODULE_NAME}.config.ts`,
      `${MODULE_NAME}.config.mts`,
      `${MODULE_NAME}.config.mjs`,
      `${MODULE_NAME}.config.js`,
      `${MODULE_NAME}.config.cjs`,
      `${MODULE_NAME}.config.json`,
      `${MODULE_NAME}.config.yaml`,
      `${MODULE_NAME}.config.yml`,
    ],
    loaders: {
      '.ts': exportingSomething(typeScriptLoader),
      '.mts': exportingSomething(typeScriptLoader),
      '.mjs': exportingSomething(defaultLoaders['.mjs']),
      '.js': exportingSomething(defaultLoaders['.js']),
      '.cjs': exportingSomething(defaultLoaders['.cjs']),
    },
    searchStrategy: 'project',
  });
}

/** Longest reason kept in a ConfigError message; a reader's full error stays in `cause`. */
const MAX_REASON_CHARS = 400;

/**
 * A reason on one short line: JSON and YAML parsers quote the offending text in their messages, and
 * unknown keys are listed by name (a one-line config of megabytes gave a message of megabytes).
 */
function shortReason(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_REASON_CHARS
    ? `${line.slice(0, MAX_REASON_CHARS)}… (${line.length} characters)`
    : line;
}

/**
 * Loads the judgekit config: the file given, or the first one found from `cwd` up to the project
 * root, validated so that an error names the file and the field.
 */
export async function loadConfig(options: { cwd: string; file?: string | undefined }): Promise<LoadedConfig> {
  let result: { config: unknown; filepath: string } | null;
  try {
    result = options.file ? await explorer().load(options.file) : await explorer().search(options.cwd);
  } catch (error) {
    throw new ConfigError({
      file: options.file,
      reason: shortReason(`cannot read config: ${error instanceof Error ? error.message : String(error)}`),
      cause: error,
    });
  }
  if (!result) return { config: JudgekitConfigSchema.parse({}), file: undefined, directory: options.cwd };
  const value = (result.config as { default?: unknown } | null)?.default ?? result.config ?? {};
  const parsed = JudgekitConfigSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
    throw new ConfigError({
      file: result.filepath,
      path: formatIssuePath(issue.path),
      reason: shortReason(`${issue.message}${keys}`),
    });
  }
  return { config: parsed.data, file: result.filepath, directory: dirname(result.filepath) };
}
