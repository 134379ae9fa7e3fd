import type { TranscriptSourceItem } from '@judgekit/core';
import { readConversationFile } from '../conversations/read-conversations.js';
import { transcriptFromOpenAI } from './transcript-from-openai.js';

/**
 * Reads a file of OpenAI conversations (chat completions or Responses API) in any container the
 * package README lists: JSONL with one conversation per line, a JSON array of conversations, or
 * a JSON document holding one conversation. Yields one item per conversation.
 */
export function readOpenAIConversations(file: string): AsyncGenerator<TranscriptSourceItem> {
  return readConversationFile(file, (conversation, context) =>
    transcriptFromOpenAI(conversation, {
      defaultId: context.defaultId,
      file: context.file,
      path: context.path,
      location: context.location,
    }),
  );
}
