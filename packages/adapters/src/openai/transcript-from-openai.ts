import type { TranscriptSourceItem } from '@judgekit/core';
import { z } from 'zod';
import { type ConversationContext, conversationFields } from '../conversations/conversation-record.js';
import { isRecord, type MessageDraft, textPart } from '../records/message-draft.js';
import { failAt, parseAt, type RecordPath } from '../records/parse-at.js';
import { mapRecord, type RecordLocation } from '../records/source-items.js';
import { mapOpenAIChatMessages } from './map-openai-chat.js';
import { mapOpenAIResponsesItems } from './map-openai-responses.js';

/** Options of `transcriptFromOpenAI`. */
export interface TranscriptFromOpenAIOptions {
  /** Id when the conversation has none. Default `openai`. */
  defaultId?: string;
  file?: string;
  /** Prefix of issue paths (the conversation's place in its file). */
  path?: RecordPath;
  /** Where the record sits, for error items. */
  location?: RecordLocation;
}

const ChatCompletionSchema = z.looseObject({
  choices: z.array(z.looseObject({ message: z.unknown() })).min(1),
});

/** True when an array holds Responses API items (chat messages never carry `type`). */
function isResponsesItems(values: readonly unknown[]): boolean {
  return values.some((value) => isRecord(value) && typeof value.type === 'string');
}

function arrayAt(value: unknown, path: RecordPath): unknown[] {
  if (!Array.isArray(value)) return failAt(path, 'expected an array');
  return value;
}

function messagesOf(conversation: unknown, path: RecordPath): MessageDraft[] {
  if (Array.isArray(conversation)) {
    return isResponsesItems(conversation)
      ? mapOpenAIResponsesItems(conversation, (index) => [...path, index])
      : mapOpenAIChatMessages(conversation, path);
  }
  if (!isRecord(conversation))
    return failAt(path, 'a conversation must be an object or an array of messages');
  if (conversation.messages !== undefined) {
    const messages = arrayAt(conversation.messages, [...path, 'messages']);
    if (isResponsesItems(messages)) {
      return mapOpenAIResponsesItems(messages, (index) => [...path, 'messages', index]);
    }
    const values: unknown[] = [...messages];
    if (conversation.response !== undefined) {
      const response = parseAt(ChatCompletionSchema, conversation.response, [...path, 'response']);
      values.push(response.choices[0]!.message);
    }
    return mapOpenAIChatMessages(values, [...path, 'messages']);
  }
  if ('input' in conversation || 'output' in conversation || 'instructions' in conversation) {
    const drafts: MessageDraft[] = [];
    if (typeof conversation.instructions === 'string' && conversation.instructions !== '') {
      drafts.push({ role: 'system', content: [textPart(conversation.instructions)] });
    }
    const input = conversation.input;
    const items: { value: unknown; path: RecordPath }[] = [];
    if (typeof input === 'string')
      items.push({ value: { role: 'user', content: input }, path: [...path, 'input'] });
    else if (input !== undefined && input !== null) {
      arrayAt(input, [...path, 'input']).forEach((value, index) => {
        items.push({ value, path: [...path, 'input', index] });
      });
    }
    if (conversation.output !== undefined && conversation.output !== null) {
      arrayAt(conversation.output, [...path, 'output']).forEach((value, index) => {
        items.push({ value, path: [...path, 'output', index] });
      });
    }
    drafts.push(
      ...mapOpenAIResponsesItems(
        items.map((item) => item.value),
        (index) => items[index]!.path,
      ),
    );
    return drafts;
  }
  return failAt(path, 'expected `messages` (chat completions) or `input`/`output` (Responses API)');
}

/**
 * Maps one OpenAI conversation to a transcript: a chat-completions message array (or
 * `{ messages, response? }` where `response` is a chat completion whose first choice is
 * appended), or Responses API items (a bare item array, or `{ instructions?, input?, output? }`
 * such as a stored Response object). Never throws: a record that cannot be mapped becomes an
 * error item whose path points into the record.
 */
export function transcriptFromOpenAI(
  conversation: unknown,
  options: TranscriptFromOpenAIOptions = {},
): TranscriptSourceItem {
  const path = options.path ?? [];
  const context: ConversationContext = { defaultId: options.defaultId ?? 'openai', file: options.file };
  const location = options.location ?? { file: options.file };
  return mapRecord(() => {
    const messages = messagesOf(conversation, path);
    const fields = isRecord(conversation)
      ? conversationFields(conversation, context, 'openai')
      : conversationFields({}, context, 'openai');
    return { ...fields, messages };
  }, location);
}
