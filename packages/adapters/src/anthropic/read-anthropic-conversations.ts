import type { TranscriptSourceItem } from '@judgekit/core';
import { readConversationFile } from '../conversations/read-conversations.js';
import { transcriptFromAnthropic } from './transcript-from-anthropic.js';

/**
 * Reads a file of Anthropic Messages conversations in any container the package README lists:
 * JSONL with one conversation per line, a JSON array of conversations, or a JSON document holding
 * one conversation. Yields one item per conversation.
 */
export function readAnthropicConversations(file: string): AsyncGenerator<TranscriptSourceItem> {
  return readConversationFile(file, (conversation, context) =>
    transcriptFromAnthropic(conversation, {
      defaultId: context.defaultId,
      file: context.file,
      path: context.path,
      location: context.location,
    }),
  );
}
