import { type AnswerParts, nextId } from './answer-parts.js';
import type { ModelCall, ReplyStep } from './test-server-types.js';

/** A Responses API `response` body answering the call. */
export function responsesBody(call: ModelCall, step: ReplyStep, parts: AnswerParts): Record<string, unknown> {
  const refusal = step.finishReason === 'refusal';
  const incomplete = step.finishReason === 'length';
  const content = refusal
    ? [{ type: 'refusal', refusal: parts.text }]
    : [{ type: 'output_text', text: parts.text, annotations: [], logprobs: [] }];
  const output: unknown[] = [];
  if (call.body.reasoning) output.push({ id: nextId('rs_'), type: 'reasoning', summary: [] });
  output.push({ id: nextId('msg_'), type: 'message', status: 'completed', role: 'assistant', content });
  return {
    id: nextId('resp_'),
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    status: incomplete ? 'incomplete' : 'completed',
    incomplete_details: incomplete ? { reason: 'max_output_tokens' } : null,
    error: null,
    model: parts.model,
    output,
    parallel_tool_calls: true,
    tool_choice: 'auto',
    tools: [],
    usage: {
      input_tokens: parts.usage.input,
      input_tokens_details: { cached_tokens: parts.usage.cachedInput },
      output_tokens: parts.usage.output,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: parts.usage.input + parts.usage.output,
    },
  };
}
