import { type AnswerParts, nextId } from './answer-parts.js';
import { forcedTool } from './request-schema.js';
import type { ModelCall, ReplyStep } from './test-server-types.js';

/** A Messages API `message` body answering the call. */
export function anthropicMessageBody(
  call: ModelCall,
  step: ReplyStep,
  parts: AnswerParts,
): Record<string, unknown> {
  const tool = forcedTool('anthropic-messages', call.body);
  const content: unknown[] = [];
  if (call.body.thinking) {
    content.push({ type: 'thinking', thinking: 'Weighing the evidence.', signature: 'test-signature' });
  }
  let stopReason =
    step.finishReason === 'length' ? 'max_tokens' : step.finishReason === 'refusal' ? 'refusal' : 'end_turn';
  if (tool && step.json !== undefined) {
    content.push({ type: 'tool_use', id: nextId('toolu_'), name: tool.name, input: step.json });
    stopReason = 'tool_use';
  } else {
    content.push({ type: 'text', text: parts.text, citations: null });
  }
  return {
    id: nextId('msg_'),
    type: 'message',
    role: 'assistant',
    model: parts.model,
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: {
      input_tokens: Math.max(0, parts.usage.input - parts.usage.cachedInput - parts.usage.cacheWrite),
      output_tokens: parts.usage.output,
      cache_creation_input_tokens: parts.usage.cacheWrite,
      cache_read_input_tokens: parts.usage.cachedInput,
      cache_creation: null,
      server_tool_use: null,
      service_tier: 'standard',
    },
  };
}
