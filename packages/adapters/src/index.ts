export { readAnthropicConversations } from './anthropic/read-anthropic-conversations.js';
export {
  type TranscriptFromAnthropicOptions,
  transcriptFromAnthropic,
} from './anthropic/transcript-from-anthropic.js';
export {
  AGENT_JUDGE_GRAYBOX,
  REQUIREMENT_SATISFIED_DIMENSION,
  type RequirementChecks,
  readAgentJudgeRequirements,
} from './datasets/agent-judge-requirements.js';
export {
  type AgentSafetySource,
  parseAgentAction,
  type ReadAgentSafetyTrajectoriesOptions,
  readAgentSafetyTrajectories,
  transcriptFromAgentSafetyRecord,
  UNSAFE_ACTION_DIMENSION,
} from './datasets/agent-safety-trajectories.js';
export type { DatasetProblem } from './datasets/dataset-problem.js';
export {
  PANDALM_RATERS,
  type PairwiseRatings,
  readPairwiseJudgeAgreement,
} from './datasets/pairwise-judge-agreement.js';
export { parsePythonLiteral } from './datasets/python-literal.js';
export { detectFormat, listInputFiles } from './detect-format.js';
export { goldLabelsOf } from './gold-labels-of.js';
export type { InspectEvalSpec } from './inspect/inspect-schema.js';
export * from './inspect/inspect-write-back.js';
export { type ReadInspectLogOptions, readInspectLog } from './inspect/read-inspect-log.js';
export {
  inspectTranscriptId,
  type TranscriptFromInspectSampleOptions,
  transcriptFromInspectSample,
} from './inspect/transcript-from-inspect-sample.js';
export { readJudgekitJsonl } from './jsonl/read-judgekit-jsonl.js';
export { readOpenAIConversations } from './openai/read-openai-conversations.js';
export { type TranscriptFromOpenAIOptions, transcriptFromOpenAI } from './openai/transcript-from-openai.js';
export { type ReadTranscriptsOptions, readTranscripts } from './read-transcripts.js';
export { TRANSCRIPT_FORMATS, type TranscriptFormat } from './transcript-format.js';
