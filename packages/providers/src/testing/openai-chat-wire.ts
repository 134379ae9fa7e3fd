import { type AnswerParts, nextId } from './answer-parts.js';
import { forcedTool } from './request-schema.js';
import type { ModelCall, ReplyStep, WireTokenLogprob } from './test-server-types.js';
import { tokenizeForLogprobs } from './tokenize-logprobs.js';

/** A `chat.completion` body answering the call. */
export function chatCompletionBody(
  call: ModelCall,
  step: ReplyStep,
  parts: AnswerParts,
): Record<string, unknown> {
  const tool = forcedTool('openai-chat', call.body);
  const refusal = step.finishReason === 'refusal';
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: refusal ? null : parts.text,
    refusal: null,
  };
  let finishReason = step.finishReason === 'length' ? 'length' : 'stop';
  if (refusal) message.refusal = parts.text;
  if (tool && !refusal) {
    message.content = null;
    message.tool_calls = [
      { id: nextId('call_'), type: 'function', function: { name: tool.name, arguments: parts.text } },
    ];
    finishReason = 'tool_calls';
  }
  return {
    id: nextId('chatcmpl-'),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: parts.model,
    system_fingerprint: 'fp_judgekit_test',
    choices: [{ index: 0, message, logprobs: chatLogprobs(call, step, parts), finish_reason: finishReason }],
    usage: {
      prompt_tokens: parts.usage.input,
      completion_tokens: parts.usage.output,
      total_tokens: parts.usage.input + parts.usage.output,
      prompt_tokens_details: { cached_tokens: parts.usage.cachedInput, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0 },
    },
  };
}

function chatLogprobs(call: ModelCall, step: ReplyStep, parts: AnswerParts) {
  if (call.body.logprobs !== true) return null;
  const top = typeof call.body.top_logprobs === 'number' ? call.body.top_logprobs : 0;
  const tokens: WireTokenLogprob[] = step.logprobs ?? tokenizeForLogprobs(parts.text);
  return {
    content: tokens.map((token) => ({
      token: token.token,
      logprob: token.logprob,
      bytes: [...Buffer.from(token.token)],
      top_logprobs: (token.top_logprobs ?? []).slice(0, top).map((alternative) => ({
        token: alternative.token,
        logprob: alternative.logprob,
        bytes: [...Buffer.from(alternative.token)],
      })),
    })),
    refusal: null,
  };
}
