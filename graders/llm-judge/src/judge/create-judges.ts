import { resolve } from 'node:path';
import { ConfigError, type GraderCreateContext } from '@judgekit/core';
import {
  createJudgeModel,
  type JudgeModel,
  type JudgeModelOptions,
  type JudgeSettings,
  JudgeSettingsSchema,
} from '@judgekit/providers';
import type { JudgeEntry, LLMJudgeConfig } from './llm-judge-config.js';

/** A judge model with the settings it was created with (for provenance). */
export interface JudgeHandle {
  /** The name as configured, e.g. `openai:gpt-4.1-mini`. */
  name: string;
  model: JudgeModel;
  settings: JudgeSettings;
}

const SETTING_KEYS = Object.keys(JudgeSettingsSchema.shape) as (keyof JudgeSettings)[];

function sharedSettings(config: LLMJudgeConfig): JudgeSettings {
  const settings: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) if (config[key] !== undefined) settings[key] = config[key];
  return settings as JudgeSettings;
}

/** The judge entries of a config: `judges`, or `judge` alone; an error naming the flag when there is none. */
export function judgeEntries(config: LLMJudgeConfig): JudgeEntry[] {
  if (config.judges) return config.judges;
  if (config.judge) return [config.judge];
  throw new ConfigError({
    path: 'judge',
    reason:
      'no judge model: pass --judge <provider:model> (e.g. --judge openai:gpt-4.1-mini) or set the grader option `judge` (or `judges`)',
  });
}

/**
 * Where to record and replay responses: the options (relative to the config's folder), else
 * `JUDGEKIT_RECORD_DIR` / `JUDGEKIT_REPLAY_DIR` (relative to the working directory), so that a
 * `judgekit grade --judge replay:…` run needs no config file.
 */
function recordingDirs(config: LLMJudgeConfig, context: GraderCreateContext) {
  const dir = (option: string | undefined, variable: string): string | undefined => {
    if (option) return resolve(context.cwd, option);
    const fromEnvironment = context.env[variable];
    return fromEnvironment ? resolve(fromEnvironment) : undefined;
  };
  const recordDir = dir(config.recordDir, 'JUDGEKIT_RECORD_DIR');
  const replayDir = dir(config.replayDir, 'JUDGEKIT_REPLAY_DIR');
  return { ...(recordDir ? { recordDir } : {}), ...(replayDir ? { replayDir } : {}) };
}

/** Makes a judge model from its name and options: `createJudgeModel`, or a batch run's collecting judge. */
export type JudgeModelFactory = (name: string, options: JudgeModelOptions) => JudgeModel;

/**
 * Creates the judge models of a grader. Settings are the grader's, overridden per judge; keys come
 * from the environment in `context.env` only when a call has to be made.
 * @param defaults settings the grader chooses when the config does not (e.g. a larger output limit for several dimensions)
 * @param createModel default `createJudgeModel`
 */
export function createJudges(
  config: LLMJudgeConfig,
  context: GraderCreateContext,
  defaults: JudgeSettings,
  createModel: JudgeModelFactory = createJudgeModel,
): JudgeHandle[] {
  const shared = { ...defaults, ...sharedSettings(config) };
  return judgeEntries(config).map((entry) => {
    const { model: name, ...own } = typeof entry === 'string' ? { model: entry } : entry;
    const settings: JudgeSettings = { ...shared, ...own };
    const model = createModel(name, {
      ...settings,
      env: context.env,
      ...(context.cacheDir === undefined ? {} : { cacheDir: resolve(context.cwd, context.cacheDir) }),
      ...(config.prices ? { prices: config.prices } : {}),
      ...recordingDirs(config, context),
    });
    return { name, model, settings };
  });
}
