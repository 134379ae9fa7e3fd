import type Anthropic from '@anthropic-ai/sdk';
import { z } from 'zod';
import type { JudgeRequest } from '../judge/judge-model.js';
import { jsonSchemaOf } from '../structured/json-schema-of.js';
import { repairInstruction } from '../structured/repair-instruction.js';
import { schemaInstruction } from '../structured/schema-instruction.js';
import { memoizeBySchema } from '../structured/schema-memo.js';
import { invalidResponse } from './invalid-response.js';
import { anthropicSDK, loadAnthropicSDK } from './sdk-modules.js';
import { type CallContext, toJudgeCallError } from './to-judge-call-error.js';
import type { CallSettings, WireAnswer, WireBody, WireProtocol } from './wire-protocol.js';

const MessageSchema = z.object({
  model: z.string(),
  stop_reason: z.string().nullish(),
  content: z.array(
    z.union([
      z.object({ type: z.literal('text'), text: z.string() }),
      z.object({ type: z.literal('tool_use'), name: z.string(), input: z.unknown() }),
      z.object({ type: z.string() }),
    ]),
  ),
  usage: z.object({
    input_tokens: z.number(),
    output_tokens: z.number(),
    cache_creation_input_tokens: z.number().nullish(),
    cache_read_input_tokens: z.number().nullish(),
  }),
});

/**
 * Anthropic Messages. The static prefix is a system block marked `cache_control: ephemeral`
 * (Anthropic caches it when it is long enough for the model). Anthropic returns no logprobs.
 */
export function createAnthropicMessagesProtocol(options: {
  model: string;
  settings: CallSettings;
  client: () => Promise<Anthropic>;
  context: CallContext;
}): WireProtocol {
  const { model, settings, context } = options;
  return {
    name: 'anthropic-messages',
    supportsLogprobs: false,
    async load() {
      await loadAnthropicSDK();
    },
    buildBody(request) {
      const promptSchema =
        settings.structuredOutput === 'prompt' ? schemaInstruction(jsonSchemaOf(request.schema)) : '';
      const body: WireBody = {
        model,
        max_tokens: request.maxOutputTokens ?? settings.maxOutputTokens,
        system: [{ type: 'text', text: request.system + promptSchema, cache_control: { type: 'ephemeral' } }],
        messages: [{ role: 'user', content: request.prompt }],
      };
      const temperature = request.temperature === undefined ? settings.temperature : request.temperature;
      if (settings.thinkingBudgetTokens !== undefined) {
        body.thinking = { type: 'enabled', budget_tokens: settings.thinkingBudgetTokens };
      } else if (temperature !== null) {
        body.temperature = temperature;
      }
      Object.assign(body, schemaFields(request, settings));
      return body;
    },
    buildRepairBody(body, raw, reason) {
      const messages = body.messages as unknown[];
      return {
        ...body,
        messages: [
          ...messages,
          { role: 'assistant', content: raw },
          { role: 'user', content: repairInstruction(reason) },
        ],
      };
    },
    async send(body, signal) {
      const client = await options.client();
      try {
        const response = await client.messages.create(
          body as unknown as Anthropic.MessageCreateParamsNonStreaming,
          { signal },
        );
        return { response };
      } catch (error) {
        throw toJudgeCallError(error, context);
      }
    },
    readAnswer(response) {
      const parsed = MessageSchema.safeParse(response);
      if (!parsed.success) {
        throw invalidResponse(context.provider, model, `not a message: ${parsed.error.message}`);
      }
      return messageAnswer(parsed.data, settings);
    },
  };
}

function messageAnswer(message: z.infer<typeof MessageSchema>, settings: CallSettings): WireAnswer {
  let text = '';
  for (const block of message.content) {
    if (settings.structuredOutput === 'tool' && block.type === 'tool_use' && 'input' in block) {
      text = JSON.stringify(block.input);
      break;
    }
    if (block.type === 'text' && 'text' in block) text += block.text;
  }
  const cacheRead = message.usage.cache_read_input_tokens ?? 0;
  const cacheWrite = message.usage.cache_creation_input_tokens ?? 0;
  return {
    text,
    model: message.model,
    finishReason: message.stop_reason ?? undefined,
    tokens: {
      input: message.usage.input_tokens + cacheRead + cacheWrite,
      output: message.usage.output_tokens,
      cachedInput: cacheRead,
      cacheWrite,
    },
    tokenLogprobs: undefined,
  };
}

const nativeOutputFormat = memoizeBySchema((schema) => {
  const format = anthropicSDK().zodOutputFormat(schema);
  return { type: format.type, schema: format.schema };
});

/** Native structured output (`output_config.format`) or a forced tool whose input is the answer. */
function schemaFields(request: JudgeRequest<unknown>, settings: CallSettings): WireBody {
  if (settings.structuredOutput === 'output-format') {
    return { output_config: { format: nativeOutputFormat(request.schema) } };
  }
  if (settings.structuredOutput === 'tool') {
    const name = request.schemaName ?? 'judge_output';
    return {
      tools: [{ name, description: 'Record the verdict.', input_schema: jsonSchemaOf(request.schema) }],
      tool_choice: { type: 'tool', name },
    };
  }
  return {};
}
