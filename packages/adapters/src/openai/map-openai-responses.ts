import type { ContentPart, ToolCall } from '@judgekit/core';
import { z } from 'zod';
import { compact, isRecord, type MessageDraft, textPart } from '../records/message-draft.js';
import { failAt, parseAt, type RecordPath } from '../records/parse-at.js';
import { describeMediaSource, placeholderText } from '../records/placeholder.js';
import { argumentsFromText, argumentsFromValue } from '../records/tool-arguments.js';
import {
  ResponsesBuiltinCallSchema,
  ResponsesCallOutputSchema,
  ResponsesCustomToolCallSchema,
  ResponsesFunctionCallSchema,
  ResponsesMCPCallSchema,
  ResponsesMessageSchema,
  ResponsesOtherCallSchema,
  ResponsesReasoningSchema,
} from './openai-responses-schema.js';

const TextSchema = z.looseObject({ text: z.string() });
const RefusalSchema = z.looseObject({ refusal: z.string() });
const ImageSchema = z.looseObject({ image_url: z.string().nullish(), file_id: z.string().nullish() });
const FileSchema = z.looseObject({
  filename: z.string().nullish(),
  file_url: z.string().nullish(),
  file_id: z.string().nullish(),
});

/** Item types that an assistant turn is made of. */
const BUILTIN_CALLS: Record<string, string> = {
  web_search_call: 'web_search',
  file_search_call: 'file_search',
  code_interpreter_call: 'code_interpreter',
  image_generation_call: 'image_generation',
};

function part(value: { type: string }, path: RecordPath): ContentPart {
  switch (value.type) {
    case 'input_text':
    case 'output_text':
    case 'text':
      return textPart(parseAt(TextSchema, value, path).text);
    case 'refusal':
      return textPart(parseAt(RefusalSchema, value, path).refusal);
    case 'input_image': {
      const image = parseAt(ImageSchema, value, path);
      return textPart(
        placeholderText('image', describeMediaSource(image.image_url ?? image.file_id ?? undefined)),
      );
    }
    case 'input_file': {
      const file = parseAt(FileSchema, value, path);
      return textPart(placeholderText('file', file.filename ?? file.file_url ?? file.file_id ?? undefined));
    }
    default:
      return textPart(placeholderText(`${value.type} content`));
  }
}

function parts(content: string | readonly { type: string }[], path: RecordPath): ContentPart[] {
  if (typeof content === 'string') return content === '' ? [] : [textPart(content)];
  return content.map((value, index) => part(value, [...path, index]));
}

function outputParts(output: unknown, path: RecordPath): ContentPart[] {
  if (output === undefined || output === null) return [];
  if (typeof output === 'string') return output === '' ? [] : [textPart(output)];
  if (Array.isArray(output) && output.every((item) => isRecord(item) && typeof item.type === 'string')) {
    return parts(output as { type: string }[], path);
  }
  return [textPart(JSON.stringify(output))];
}

function reasoningParts(value: unknown, path: RecordPath): ContentPart[] {
  const item = parseAt(ResponsesReasoningSchema, value, path);
  const result: ContentPart[] = item.summary.map((summary) => ({
    type: 'reasoning',
    text: summary.text,
    summary: true,
  }));
  for (const content of item.content ?? []) result.push({ type: 'reasoning', text: content.text });
  if (item.encrypted_content) {
    result.push({ type: 'reasoning', text: '', redacted: true, data: item.encrypted_content });
  }
  return result;
}

/** The call an assistant-side `*_call` item makes, and the result it carries inline, if any. */
function callOf(type: string, value: unknown, path: RecordPath): { call: ToolCall; inlineResult?: unknown } {
  switch (type) {
    case 'function_call': {
      const item = parseAt(ResponsesFunctionCallSchema, value, path);
      return { call: { id: item.call_id, name: item.name, ...argumentsFromText(item.arguments) } };
    }
    case 'custom_tool_call': {
      const item = parseAt(ResponsesCustomToolCallSchema, value, path);
      return { call: { id: item.call_id, name: item.name, arguments: {}, argumentsText: item.input } };
    }
    case 'mcp_call': {
      const item = parseAt(ResponsesMCPCallSchema, value, path);
      const result = item.error ? { error: item.error } : item.output;
      return {
        call: { id: item.id, name: item.name, ...argumentsFromText(item.arguments) },
        inlineResult: result,
      };
    }
    default: {
      const builtin = BUILTIN_CALLS[type];
      const record = value as Record<string, unknown>;
      if (builtin) {
        const item = parseAt(ResponsesBuiltinCallSchema, value, path);
        const { id: _id, type: _type, status: _status, results, outputs, result, ...rest } = record;
        const inline =
          results ?? outputs ?? (typeof result === 'string' ? placeholderText('image') : undefined);
        return {
          call: { id: item.id, name: builtin, ...argumentsFromValue(rest.action ?? rest) },
          ...(inline === undefined || inline === null ? {} : { inlineResult: inline }),
        };
      }
      const item = parseAt(ResponsesOtherCallSchema, value, path);
      const { id: _id, type: _type, status: _status, call_id: _callId, ...rest } = record;
      const name = type.slice(0, -'_call'.length);
      return {
        call: { id: item.call_id, name, ...argumentsFromValue(rest.action ?? rest.operation ?? rest) },
      };
    }
  }
}

/**
 * Maps OpenAI Responses API items (request `input` items followed by response `output` items) to
 * core messages. Consecutive assistant-side items — `reasoning`, assistant `message`s and
 * `*_call` items — form one assistant message; `reasoning` summary parts become reasoning parts
 * with `summary: true`, raw `reasoning_text` becomes reasoning, and `encrypted_content` becomes a
 * redacted reasoning part holding the ciphertext in `data`. `function_call` / `custom_tool_call`
 * keep `call_id` as the tool-call id; `*_call_output` items become `tool` messages. Built-in tool
 * calls (web search, file search, code interpreter, MCP) become tool calls, with their inline
 * results as tool messages. Unknown item types become text placeholders.
 */
export function mapOpenAIResponsesItems(
  values: readonly unknown[],
  pathOf: (index: number) => RecordPath,
): MessageDraft[] {
  const messages: MessageDraft[] = [];
  const toolNames = new Map<string, string>();
  let assistant: MessageDraft | undefined;
  const assistantTurn = (): MessageDraft => {
    if (!assistant) {
      assistant = { role: 'assistant', content: [] };
      messages.push(assistant);
    }
    return assistant;
  };
  const push = (message: MessageDraft) => {
    assistant = undefined;
    messages.push(message);
  };
  const pushToolResult = (callId: string, output: unknown, at: RecordPath) =>
    push(
      compact({
        role: 'tool',
        content: outputParts(output, at),
        toolCallId: callId,
        name: toolNames.get(callId),
      }),
    );

  const addItem = (value: unknown, at: RecordPath): void => {
    if (!isRecord(value)) failAt(at, 'an item must be an object');
    const type = value.type === undefined ? 'message' : value.type;
    if (typeof type !== 'string') failAt([...at, 'type'], 'an item type must be a string');
    if (type === 'message') {
      const item = parseAt(ResponsesMessageSchema, value, at);
      const content = parts(item.content, [...at, 'content']);
      if (item.role === 'assistant') assistantTurn().content.push(...content);
      else {
        const role = item.role === 'user' ? 'user' : 'system';
        push(
          compact({ role, content, metadata: item.role === 'developer' ? { role: 'developer' } : undefined }),
        );
      }
    } else if (type === 'reasoning') {
      assistantTurn().content.push(...reasoningParts(value, at));
    } else if (type.endsWith('_call_output')) {
      const item = parseAt(ResponsesCallOutputSchema, value, at);
      const callId = item.call_id ?? item.id;
      if (!callId) failAt([...at, 'call_id'], 'a call output needs call_id');
      pushToolResult(callId, item.output, [...at, 'output']);
    } else if (type.endsWith('_call')) {
      const { call, inlineResult } = callOf(type, value, at);
      const turn = assistantTurn();
      turn.toolCalls = [...(turn.toolCalls ?? []), call];
      toolNames.set(call.id, call.name);
      if (inlineResult !== undefined && inlineResult !== null) pushToolResult(call.id, inlineResult, at);
    } else if (type === 'item_reference') {
      push({ role: 'user', content: [textPart(placeholderText('item_reference', String(value.id ?? '')))] });
    } else {
      assistantTurn().content.push(textPart(placeholderText(`${type} item`)));
    }
  };
  for (const [index, value] of values.entries()) addItem(value, pathOf(index));
  return messages;
}
