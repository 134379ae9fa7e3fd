/** The input formats judgekit reads. `openai` covers chat completions and the Responses API. */
export const TRANSCRIPT_FORMATS = ['jsonl', 'inspect', 'openai', 'anthropic'] as const;

/** An input format: judgekit JSONL, Inspect AI logs, OpenAI or Anthropic conversations. */
export type TranscriptFormat = (typeof TRANSCRIPT_FORMATS)[number];
