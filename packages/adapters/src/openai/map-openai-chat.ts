import type { ContentPart, ToolCall } from '@judgekit/core';
import { z } from 'zod';
import { compact, type MessageDraft, textPart } from '../records/message-draft.js';
import { failAt, parseAt, type RecordPath } from '../records/parse-at.js';
import { describeMediaSource, placeholderText } from '../records/placeholder.js';
import { argumentsFromText } from '../records/tool-arguments.js';
import {
  type ChatMessage,
  ChatMessageSchema,
  ChatReasoningDetailSchema,
  ChatToolCallSchema,
} from './openai-chat-schema.js';

const TextSchema = z.looseObject({ text: z.string() });
const RefusalSchema = z.looseObject({ refusal: z.string() });
const ImageUrlSchema = z.looseObject({ image_url: z.looseObject({ url: z.string() }) });
const AudioSchema = z.looseObject({ input_audio: z.looseObject({ format: z.string().optional() }) });
const FileSchema = z.looseObject({
  file: z.looseObject({ filename: z.string().nullish(), file_id: z.string().nullish() }),
});

function contentPart(part: { type: string }, path: RecordPath): ContentPart {
  switch (part.type) {
    case 'text':
    case 'input_text':
    case 'output_text':
      return textPart(parseAt(TextSchema, part, path).text);
    case 'refusal':
      return textPart(parseAt(RefusalSchema, part, path).refusal);
    case 'image_url':
      return textPart(
        placeholderText('image', describeMediaSource(parseAt(ImageUrlSchema, part, path).image_url.url)),
      );
    case 'input_audio':
      return textPart(placeholderText('audio', parseAt(AudioSchema, part, path).input_audio.format));
    case 'file': {
      const { file } = parseAt(FileSchema, part, path);
      return textPart(placeholderText('file', file.filename ?? file.file_id ?? undefined));
    }
    default:
      return textPart(placeholderText(`${part.type} content`));
  }
}

function contentParts(content: ChatMessage['content'], path: RecordPath): ContentPart[] {
  if (content === undefined || content === null) return [];
  if (typeof content === 'string') return content === '' ? [] : [textPart(content)];
  return content.map((part, index) => contentPart(part, [...path, index]));
}

function reasoningParts(message: ChatMessage, path: RecordPath): ContentPart[] {
  if (message.reasoning_details && message.reasoning_details.length > 0) {
    return message.reasoning_details.flatMap((value, index): ContentPart[] => {
      const detail = parseAt(ChatReasoningDetailSchema, value, [...path, 'reasoning_details', index]);
      const signature = detail.signature ?? undefined;
      if (detail.type === 'reasoning.encrypted') {
        return [compact({ type: 'reasoning', text: '', redacted: true, data: detail.data ?? '', signature })];
      }
      if (detail.type === 'reasoning.summary') {
        return [compact({ type: 'reasoning', text: detail.summary ?? '', summary: true, signature })];
      }
      return [compact({ type: 'reasoning', text: detail.text ?? '', signature })];
    });
  }
  const text = message.reasoning_content ?? message.reasoning;
  return text ? [{ type: 'reasoning', text }] : [];
}

function toolCall(value: unknown, path: RecordPath): ToolCall {
  const call = parseAt(ChatToolCallSchema, value, path);
  if (call.function)
    return { id: call.id, name: call.function.name, ...argumentsFromText(call.function.arguments) };
  if (call.custom)
    return { id: call.id, name: call.custom.name, arguments: {}, argumentsText: call.custom.input };
  return failAt(path, 'a tool call needs `function` (or `custom`)');
}

/**
 * Maps OpenAI chat-completions messages to core messages: `developer` becomes `system`;
 * assistant `tool_calls` keep their id, name and JSON-text arguments (text that is not a JSON
 * object stays in `argumentsText`); `tool` messages keep `tool_call_id` and get the tool's name
 * from the call they answer; `reasoning_content`, `reasoning` and `reasoning_details` become
 * reasoning parts; images, audio and files become text placeholders. The legacy
 * `function_call` / `function` pair maps to a tool call and its result.
 */
export function mapOpenAIChatMessages(values: readonly unknown[], path: RecordPath): MessageDraft[] {
  const toolNames = new Map<string, string>();
  let legacyCalls = 0;
  const openLegacyCalls: { id: string; name: string }[] = [];
  return values.map((value, index): MessageDraft => {
    const at = [...path, index];
    const message = parseAt(ChatMessageSchema, value, at);
    const content = contentParts(message.content, [...at, 'content']);
    switch (message.role) {
      case 'system':
      case 'developer':
        return compact({
          role: 'system',
          content,
          metadata: message.role === 'developer' ? { role: 'developer' } : undefined,
        });
      case 'user':
        return compact({ role: 'user', content, name: message.name ?? undefined });
      case 'assistant': {
        const calls = (message.tool_calls ?? []).map((call, callIndex) =>
          toolCall(call, [...at, 'tool_calls', callIndex]),
        );
        if (message.function_call) {
          const id = `function_call_${legacyCalls++}`;
          openLegacyCalls.push({ id, name: message.function_call.name });
          calls.push({
            id,
            name: message.function_call.name,
            ...argumentsFromText(message.function_call.arguments),
          });
        }
        for (const call of calls) toolNames.set(call.id, call.name);
        const refusal = message.refusal ? [textPart(message.refusal)] : [];
        const parts: ContentPart[] = [...reasoningParts(message, at), ...content, ...refusal];
        return compact({
          role: 'assistant',
          content: parts,
          toolCalls: calls.length > 0 ? calls : undefined,
          name: message.name ?? undefined,
        });
      }
      case 'tool': {
        if (!message.tool_call_id)
          return failAt([...at, 'tool_call_id'], 'a tool message needs tool_call_id');
        return compact({
          role: 'tool',
          content,
          toolCallId: message.tool_call_id,
          name: toolNames.get(message.tool_call_id),
        });
      }
      default: {
        const callIndex = openLegacyCalls.findIndex((call) => call.name === message.name);
        const call = callIndex === -1 ? undefined : openLegacyCalls.splice(callIndex, 1)[0];
        return compact({ role: 'tool', content, toolCallId: call?.id, name: message.name ?? undefined });
      }
    }
  });
}
