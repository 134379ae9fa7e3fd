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

/** What a record's shape says about its format, strongest first. */
type Signal = 'inspect' | 'judgekit' | 'anthropic' | 'openai' | 'transcript' | 'messages';
const PRIORITY: readonly Signal[] = ['inspect', 'judgekit', 'anthropic', 'openai', 'transcript', 'messages'];
const FORMAT_OF: Record<Signal, TranscriptFormat> = {
  inspect: 'inspect',
  judgekit: 'jsonl',
  anthropic: 'anthropic',
  openai: 'openai',
  transcript: 'jsonl',
  messages: 'openai',
};

function hasAnthropicShape(message: Record<string, unknown>): boolean {
  if (message.type === 'message' && message.role === 'assistant') return true;
  if (!Array.isArray(message.content)) return false;
  return message.content.some((block) => isRecord(block) && ANTHROPIC_BLOCKS.has(String(block.type)));
}

function hasOpenAIShape(message: Record<string, unknown>): boolean {
  if ('tool_calls' in message || 'tool_call_id' in message || 'reasoning_content' in message) return true;
  if (message.role === 'developer' || message.role === 'function') return true;
  if (typeof message.type === 'string' && message.type !== 'message') return true;
  if (!Array.isArray(message.content)) return false;
  return message.content.some((part) => isRecord(part) && OPENAI_PARTS.has(String(part.type)));
}

function hasJudgekitShape(message: Record<string, unknown>): boolean {
  if ('toolCalls' in message || 'toolCallId' in message || 'isError' in message) return true;
  if (!Array.isArray(message.content)) return false;
  return message.content.some(
    (part) => isRecord(part) && part.type === 'reasoning' && typeof part.text === 'string',
  );
}

function signalsOf(value: unknown): Set<Signal> {
  const signals = new Set<Signal>();
  const first =
    Array.isArray(value) && value.length > 0 && isRecord(value[0]) && !('role' in value[0])
      ? value[0]
      : value;
  const container = isRecord(first) ? first : undefined;
  if (container && isRecord(container.eval) && ('samples' in container || 'version' in container))
    signals.add('inspect');
  const messages = Array.isArray(first)
    ? first
    : Array.isArray(container?.messages)
      ? container.messages
      : undefined;
  const records = (messages ?? []).filter(isRecord);
  if (records.some(hasJudgekitShape)) signals.add('judgekit');
  if (records.some(hasAnthropicShape)) signals.add('anthropic');
  if (records.some(hasOpenAIShape)) signals.add('openai');
  if (container) {
    if (typeof container.id === 'string' && messages && TranscriptSchema.safeParse(container).success) {
      signals.add('transcript');
    }
    if ('system' in container && messages) signals.add('anthropic');
    if (
      'input' in container ||
      'output' in container ||
      'instructions' in container ||
      container.object === 'response'
    ) {
      signals.add('openai');
    }
  }
  if (records.length > 0 && records.every((message) => typeof message.role === 'string'))
    signals.add('messages');
  return signals;
}

/**
 * Guesses the format of one or more parsed records (JSONL lines, or one JSON document) from their
 * shape, the strongest evidence winning: an Inspect log; judgekit's own fields (`toolCalls`,
 * reasoning parts); Anthropic blocks; OpenAI fields; a valid judgekit transcript; and last, plain
 * role/content messages, which both providers map alike and are called `openai`.
 */
export function classifyRecords(values: readonly unknown[]): TranscriptFormat | undefined {
  const signals = new Set<Signal>();
  for (const value of values) for (const signal of signalsOf(value)) signals.add(signal);
  const strongest = PRIORITY.find((signal) => signals.has(signal));
  return strongest === undefined ? undefined : FORMAT_OF[strongest];
}
