import type { TranscriptSourceItem } from '@judgekit/core';
import { z } from 'zod';
import { type ConversationContext, conversationFields } from '../conversations/conversation-record.js';
import { isRecord, type MessageDraft } from '../records/message-draft.js';
import { failAt, parseAt, type RecordPath } from '../records/parse-at.js';
import { mapRecord, type RecordLocation } from '../records/source-items.js';
import { mapAnthropicMessages } from './map-anthropic.js';

/** Options of `transcriptFromAnthropic`. */
export interface TranscriptFromAnthropicOptions {
  /** Id when the conversation has none. Default `anthropic`. */
  defaultId?: string;
  file?: string;
  /** Prefix of issue paths (the conversation's place in its file). */
  path?: RecordPath;
  /** Where the record sits, for error items. */
  location?: RecordLocation;
}

const ConversationSchema = z.looseObject({
  messages: z.array(z.unknown()),
  response: z.unknown().optional(),
});

function messagesOf(conversation: unknown, path: RecordPath): MessageDraft[] {
  if (Array.isArray(conversation)) return mapAnthropicMessages(undefined, conversation, path);
  if (!isRecord(conversation))
    return failAt(path, 'a conversation must be an object or an array of messages');
  if (conversation.type === 'message' && 'role' in conversation) {
    return mapAnthropicMessages(undefined, [conversation], path);
  }
  const parsed = parseAt(ConversationSchema, conversation, path);
  const values = parsed.response === undefined ? parsed.messages : [...parsed.messages, parsed.response];
  return mapAnthropicMessages({ value: conversation.system, path: [...path, 'system'] }, values, [
    ...path,
    'messages',
  ]);
}

/**
 * Maps one Anthropic Messages conversation to a transcript: a request body
 * `{ system?, messages }` (optionally with the `response` Message appended), or a bare messages
 * array. Never throws: a record that cannot be mapped becomes an error item whose path points
 * into the record.
 */
export function transcriptFromAnthropic(
  conversation: unknown,
  options: TranscriptFromAnthropicOptions = {},
): TranscriptSourceItem {
  const path = options.path ?? [];
  const context: ConversationContext = { defaultId: options.defaultId ?? 'anthropic', file: options.file };
  const location = options.location ?? { file: options.file };
  return mapRecord(() => {
    const messages = messagesOf(conversation, path);
    const fields = conversationFields(isRecord(conversation) ? conversation : {}, context, 'anthropic');
    return { ...fields, messages };
  }, location);
}
