import type { ContentPart } from '@judgekit/core';
import { compact, isRecord, type MessageDraft, textPart } from '../records/message-draft.js';
import { parseAt, type RecordPath } from '../records/parse-at.js';
import { placeholderText } from '../records/placeholder.js';
import { argumentsFromValue } from '../records/tool-arguments.js';
import {
  AnthropicImageSchema,
  AnthropicMessageSchema,
  AnthropicRedactedThinkingSchema,
  AnthropicServerToolResultSchema,
  AnthropicSystemSchema,
  AnthropicTextSchema,
  AnthropicThinkingSchema,
  AnthropicToolResultSchema,
  AnthropicToolUseSchema,
} from './anthropic-schema.js';

const TOOL_USE_TYPES = new Set(['tool_use', 'server_tool_use', 'mcp_tool_use']);
const OPAQUE_KEYS = new Set([
  'encrypted_content',
  'encrypted_index',
  'encrypted_stdout',
  'data',
  'signature',
]);

function isServerToolResult(type: string): boolean {
  return type !== 'tool_result' && type.endsWith('_tool_result');
}

function mediaPart(kind: string, block: { type: string }, path: RecordPath): ContentPart {
  const { source } = parseAt(AnthropicImageSchema, block, path);
  const detail =
    source.url ?? (source.media_type ? `${source.media_type}, ${source.type} data omitted` : source.type);
  return textPart(placeholderText(kind, detail));
}

/** Result content as text, with opaque payloads (encrypted content, base64 data) left out. */
function resultText(content: unknown): string {
  if (typeof content === 'string') return content;
  return JSON.stringify(content, (key, value) => (OPAQUE_KEYS.has(key) ? '[omitted]' : value));
}

function blockPart(block: { type: string }, path: RecordPath, inResult = false): ContentPart {
  switch (block.type) {
    case 'text':
      return textPart(parseAt(AnthropicTextSchema, block, path).text);
    case 'thinking': {
      const thinking = parseAt(AnthropicThinkingSchema, block, path);
      return compact({
        type: 'reasoning',
        text: thinking.thinking,
        signature: thinking.signature ?? undefined,
      });
    }
    case 'redacted_thinking':
      return {
        type: 'reasoning',
        text: '',
        redacted: true,
        data: parseAt(AnthropicRedactedThinkingSchema, block, path).data,
      };
    case 'image':
      return mediaPart('image', block, path);
    case 'document':
      return mediaPart('document', block, path);
    case 'search_result': {
      const title = (block as { title?: unknown }).title;
      return textPart(placeholderText('search result', typeof title === 'string' ? title : undefined));
    }
    default:
      // Inside a tool result, an unknown block (e.g. `web_search_result`) is the result itself.
      return textPart(inResult ? resultText(block) : placeholderText(`${block.type} block`));
  }
}

function resultParts(content: unknown, path: RecordPath): ContentPart[] {
  if (content === undefined || content === null) return [];
  if (typeof content === 'string') return content === '' ? [] : [textPart(content)];
  if (Array.isArray(content) && content.every((block) => isRecord(block) && typeof block.type === 'string')) {
    return content.map((block, index) => blockPart(block as { type: string }, [...path, index], true));
  }
  return [textPart(resultText(content))];
}

/**
 * Maps Anthropic Messages to core messages. `system` (a string or text blocks) becomes the first
 * message. In assistant messages `text` stays text, `thinking` becomes reasoning (with its
 * `signature`), `redacted_thinking` becomes reasoning with `redacted: true` and the opaque `data`,
 * and `tool_use` / `server_tool_use` / `mcp_tool_use` become tool calls. `tool_result` blocks in a
 * user message become `tool` messages (with `toolCallId`, the tool's name and `isError`), in
 * block order; server-tool results inside an assistant message become `tool` messages between
 * the assistant parts they separate. Images and documents become text placeholders.
 */
export function mapAnthropicMessages(
  system: { value: unknown; path: RecordPath } | undefined,
  values: readonly unknown[],
  path: RecordPath,
): MessageDraft[] {
  const messages: MessageDraft[] = [];
  if (system !== undefined && system.value !== undefined && system.value !== null) {
    const parsed = parseAt(AnthropicSystemSchema, system.value, system.path);
    const content =
      typeof parsed === 'string' ? [textPart(parsed)] : parsed.map((block) => textPart(block.text));
    messages.push({ role: 'system', content });
  }
  const toolNames = new Map<string, string>();
  values.forEach((value, index) => {
    const at = [...path, index];
    const message = parseAt(AnthropicMessageSchema, value, at);
    if (typeof message.content === 'string') {
      messages.push({
        role: message.role,
        content: message.content === '' ? [] : [textPart(message.content)],
      });
      return;
    }
    const before = messages.length;
    let draft: MessageDraft = { role: message.role, content: [] };
    const flush = () => {
      if (draft.content.length > 0 || draft.toolCalls) messages.push(draft);
      draft = { role: message.role, content: [] };
    };
    message.content.forEach((block, blockIndex) => {
      const blockPath = [...at, 'content', blockIndex];
      if (TOOL_USE_TYPES.has(block.type)) {
        const use = parseAt(AnthropicToolUseSchema, block, blockPath);
        toolNames.set(use.id, use.name);
        draft.toolCalls = [
          ...(draft.toolCalls ?? []),
          { id: use.id, name: use.name, ...argumentsFromValue(use.input) },
        ];
        return;
      }
      if (block.type === 'tool_result' || isServerToolResult(block.type)) {
        const result =
          block.type === 'tool_result'
            ? parseAt(AnthropicToolResultSchema, block, blockPath)
            : parseAt(AnthropicServerToolResultSchema, block, blockPath);
        const content = result.content;
        const errorType =
          isRecord(content) && typeof content.type === 'string' && content.type.endsWith('_error');
        flush();
        messages.push(
          compact({
            role: 'tool',
            content: resultParts(content, [...blockPath, 'content']),
            toolCallId: result.tool_use_id,
            name: toolNames.get(result.tool_use_id),
            isError: result.is_error || errorType ? true : undefined,
          }),
        );
        return;
      }
      draft.content.push(blockPart(block, blockPath));
    });
    flush();
    if (messages.length === before) messages.push({ role: message.role, content: [] });
  });
  return messages;
}
