export { type JudgekitCommand, type JudgekitCommandOptions, judgekitCommand } from './judgekit-command.js';
export { runWatchingModuleLoads } from './module-loads.js';
export { exited, type ProcessOutput } from './process-output.js';
export { firstTypeScriptBlock, runReadmeExample } from './readme-example.js';
export { scriptArgs } from './script-args.js';
export { SHARED_DATA, sharedFolder } from './shared-data.js';
export {
  type JudgekitProcessOptions,
  judgekitEnvironment,
  runJudgekit,
  spawnJudgekit,
} from './spawn-judgekit.js';
