export { readAnthropicConversations } from './anthropic/read-anthropic-conversations.js';
export {
  type TranscriptFromAnthropicOptions,
  transcriptFromAnthropic,
} from './anthropic/transcript-from-anthropic.js';
export { detectFormat } from './detect-format.js';
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
