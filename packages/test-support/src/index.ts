export { type JudgekitCommand, type JudgekitCommandOptions, judgekitCommand } from './judgekit-command.js';
export { exited, type ProcessOutput } from './process-output.js';
export { firstTypeScriptBlock, runReadmeExample } from './readme-example.js';
export {
  type JudgekitProcessOptions,
  judgekitEnvironment,
  runJudgekit,
  spawnJudgekit,
} from './spawn-judgekit.js';
