import { resolve } from 'node:path';
import { ConfigError, type GraderCreateContext } from '@judgekit/core';
import {
  createJudgeModel,
  type JudgeModel,
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
 * Creates the judge models of a grader. Settings are the grader's, overridden per judge; keys come
 * from the environment in `context.env` only when a call has to be made.
 * @param defaults settings the grader chooses when the config does not (e.g. a larger output limit for several dimensions)
 */
export function createJudges(
  config: LLMJudgeConfig,
  context: GraderCreateContext,
  defaults: JudgeSettings,
): JudgeHandle[] {
  const shared = { ...defaults, ...sharedSettings(config) };
  return judgeEntries(config).map((entry) => {
    const { model: name, ...own } = typeof entry === 'string' ? { model: entry } : entry;
    const settings: JudgeSettings = { ...shared, ...own };
    const model = createJudgeModel(name, {
      ...settings,
      env: context.env,
      ...(context.cacheDir === undefined ? {} : { cacheDir: resolve(context.cwd, context.cacheDir) }),
      ...(config.prices ? { prices: config.prices } : {}),
      ...(config.recordDir ? { recordDir: resolve(context.cwd, config.recordDir) } : {}),
      ...(config.replayDir ? { replayDir: resolve(context.cwd, config.replayDir) } : {}),
    });
    return { name, model, settings };
  });
}
