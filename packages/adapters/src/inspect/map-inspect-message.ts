import type { ContentPart, ToolCall } from '@judgekit/core';
import { z } from 'zod';
import { compact, type MessageDraft, textPart } from '../records/message-draft.js';
import { parseAt, type RecordPath } from '../records/parse-at.js';
import { describeMediaSource, placeholderText } from '../records/placeholder.js';
import { argumentsFromValue } from '../records/tool-arguments.js';
import { InspectMessageSchema, InspectToolCallSchema } from './inspect-schema.js';
import { splitThinkTags } from './think-tags.js';

const TextSchema = z.looseObject({ text: z.string() });
const ReasoningSchema = z.looseObject({
  reasoning: z.string(),
  summary: z.string().nullish(),
  signature: z.string().nullish(),
  redacted: z.boolean().nullish(),
});
const MediaSchema = z.looseObject({
  image: z.string().optional(),
  audio: z.string().optional(),
  video: z.string().optional(),
  format: z.string().nullish(),
});
const DocumentSchema = z.looseObject({ document: z.string(), filename: z.string().nullish() });
const ToolUseSchema = z.looseObject({
  tool_type: z.string(),
  name: z.string(),
  arguments: z.unknown(),
  result: z.unknown(),
  error: z.string().nullish(),
});

function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * `ContentReasoning` to reasoning parts: plain reasoning keeps its text and signature, with any
 * summary as a second part marked `summary: true`; redacted reasoning keeps the opaque payload in
 * `data`, `redacted: true`, and the summary (if any) as its text.
 */
function reasoningParts(value: { type: string }, path: RecordPath): ContentPart[] {
  const reasoning = parseAt(ReasoningSchema, value, path);
  const signature = reasoning.signature ?? undefined;
  const summary = reasoning.summary ?? undefined;
  if (reasoning.redacted) {
    return [
      compact({
        type: 'reasoning',
        text: summary ?? '',
        redacted: true,
        data: reasoning.reasoning,
        signature,
        summary: summary ? true : undefined,
      }),
    ];
  }
  const parts: ContentPart[] = [compact({ type: 'reasoning', text: reasoning.reasoning, signature })];
  if (summary && summary !== reasoning.reasoning)
    parts.push({ type: 'reasoning', text: summary, summary: true });
  return parts;
}

function contentParts(value: { type: string }, path: RecordPath): ContentPart[] {
  switch (value.type) {
    case 'text':
      return [textPart(parseAt(TextSchema, value, path).text)];
    case 'reasoning':
      return reasoningParts(value, path);
    case 'image':
    case 'audio':
    case 'video': {
      const media = parseAt(MediaSchema, value, path);
      const source = media.image ?? media.audio ?? media.video;
      return [
        textPart(placeholderText(value.type, describeMediaSource(source) ?? media.format ?? undefined)),
      ];
    }
    case 'document': {
      const document = parseAt(DocumentSchema, value, path);
      return [
        textPart(placeholderText('document', document.filename || describeMediaSource(document.document))),
      ];
    }
    case 'tool_use': {
      const use = parseAt(ToolUseSchema, value, path);
      const lines = [
        `[server tool call ${use.name} (${use.tool_type})]`,
        `arguments: ${asText(use.arguments)}`,
      ];
      lines.push(`result: ${asText(use.result)}`);
      if (use.error) lines.push(`error: ${use.error}`);
      return [textPart(lines.join('\n'))];
    }
    case 'data':
      return [textPart(placeholderText('provider data'))];
    default:
      return [textPart(placeholderText(`${value.type} content`))];
  }
}

function toolCall(value: unknown, path: RecordPath): { call: ToolCall; parseError?: string } {
  const call = parseAt(InspectToolCallSchema, value, path);
  return {
    call: { id: call.id, name: call.function, ...argumentsFromValue(call.arguments) },
    ...(call.parse_error ? { parseError: call.parse_error } : {}),
  };
}

/**
 * Maps one Inspect `ChatMessage` to a core message: string or typed content parts (text,
 * `ContentReasoning`, and placeholders for images, audio, video, documents and provider data;
 * server-side `tool_use` content as text), a `<think>` block at the start of assistant text split
 * into reasoning, assistant `tool_calls` (`function` → name, `arguments` kept), and tool messages
 * with `tool_call_id`, `function` → name and `error` → `isError` (the error kept in metadata).
 */
export function mapInspectMessage(value: unknown, path: RecordPath): MessageDraft {
  const message = parseAt(InspectMessageSchema, value, path);
  const content: ContentPart[] = [];
  if (message.role === 'assistant' && message.reasoning)
    content.push({ type: 'reasoning', text: message.reasoning });
  if (typeof message.content === 'string') {
    const split = message.role === 'assistant' ? splitThinkTags(message.content) : { text: message.content };
    if (split.reasoning) content.push(split.reasoning);
    if (split.text !== '') content.push(textPart(split.text));
  } else {
    message.content.forEach((part, index) => {
      content.push(...contentParts(part, [...path, 'content', index]));
    });
  }
  const metadata: Record<string, unknown> = { ...(message.metadata ?? {}) };
  if (message.model) metadata.model = message.model;

  if (message.role === 'assistant') {
    const calls = (message.tool_calls ?? []).map((call, index) =>
      toolCall(call, [...path, 'tool_calls', index]),
    );
    const parseErrors = Object.fromEntries(
      calls.filter((call) => call.parseError !== undefined).map((call) => [call.call.id, call.parseError]),
    );
    if (Object.keys(parseErrors).length > 0) metadata.toolCallParseErrors = parseErrors;
    return compact({
      role: 'assistant',
      content,
      toolCalls: calls.length > 0 ? calls.map((call) => call.call) : undefined,
      metadata: Object.keys(metadata).length > 0 ? metadata : undefined,
    });
  }
  if (message.role === 'tool') {
    if (message.error) metadata.toolError = message.error;
    if (message.error && content.length === 0) content.push(textPart(message.error.message));
    return compact({
      role: 'tool',
      content,
      toolCallId: typeof message.tool_call_id === 'string' ? message.tool_call_id : undefined,
      name: message.function ?? undefined,
      isError: message.error ? true : undefined,
      metadata: Object.keys(metadata).length > 0 ? metadata : undefined,
    });
  }
  if (Array.isArray(message.tool_call_id)) metadata.toolCallIds = message.tool_call_id;
  return compact({
    role: message.role,
    content,
    metadata: Object.keys(metadata).length > 0 ? metadata : undefined,
  });
}
