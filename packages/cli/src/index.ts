export { BUILTIN_GRADER_PLUGINS } from './config/builtin-graders.js';
export {
  type GraderEntry,
  GraderEntrySchema,
  type JudgekitConfig,
  JudgekitConfigSchema,
} from './config/config-schema.js';
export { type LoadedConfig, loadConfig } from './config/load-config.js';
export { createProgram, main } from './main.js';
