import { TranscriptSchema } from '@judgekit/core';
import { isRecord } from './records/message-draft.js';
import type { TranscriptFormat } from './transcript-format.js';

const ANTHROPIC_BLOCKS = new Set([
  'tool_use',
  'tool_result',
  'thinking',
  'redacted_thinking',
  'server_tool_use',
  'web_search_tool_result',
  'document',
]);
const OPENAI_PARTS = new Set(['image_url', 'input_audio', 'input_text', 'output_text', 'refusal', 'file']);

function messagesOf(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (isRecord(value) && Array.isArray(value.messages)) return value.messages;
  return undefined;
}

function hasAnthropicShape(value: Record<string, unknown>): boolean {
  if (value.type === 'message' && value.role === 'assistant') return true;
  if (!Array.isArray(value.content)) return false;
  return value.content.some((block) => isRecord(block) && ANTHROPIC_BLOCKS.has(String(block.type)));
}

function hasOpenAIShape(value: Record<string, unknown>): boolean {
  if ('tool_calls' in value || 'tool_call_id' in value || 'reasoning_content' in value) return true;
  if (value.role === 'tool' || value.role === 'developer' || value.role === 'function') return true;
  if (typeof value.type === 'string' && value.type !== 'message') return true;
  if (!Array.isArray(value.content)) return false;
  return value.content.some((part) => isRecord(part) && OPENAI_PARTS.has(String(part.type)));
}

/**
 * Guesses the format of one parsed record (a JSONL line or a JSON document): an Inspect log, a
 * judgekit transcript, an Anthropic or an OpenAI conversation. A conversation of plain string
 * messages fits both providers and is called `openai` (both map it the same way).
 */
export function classifyRecord(value: unknown): TranscriptFormat | undefined {
  const first =
    Array.isArray(value) && value.length > 0 && isRecord(value[0]) && !('role' in value[0])
      ? value[0]
      : value;
  if (isRecord(first)) {
    if (isRecord(first.eval) && ('samples' in first || 'version' in first || 'status' in first))
      return 'inspect';
    if (
      typeof first.id === 'string' &&
      Array.isArray(first.messages) &&
      TranscriptSchema.safeParse(first).success
    ) {
      return 'jsonl';
    }
    if ('system' in first && Array.isArray(first.messages)) return 'anthropic';
    if ('input' in first || 'output' in first || 'instructions' in first || first.object === 'response')
      return 'openai';
  }
  const messages = messagesOf(first);
  if (!messages || messages.length === 0) return undefined;
  const records = messages.filter(isRecord);
  if (records.length !== messages.length) return undefined;
  if (records.some(hasAnthropicShape)) return 'anthropic';
  if (records.some(hasOpenAIShape)) return 'openai';
  if (records.every((message) => typeof message.role === 'string')) return 'openai';
  return undefined;
}
