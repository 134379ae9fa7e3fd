import type OpenAI from 'openai';
import { z } from 'zod';
import { compactSchema } from '../structured/compact-schema.js';
import { repairInstruction } from '../structured/repair-instruction.js';
import { memoizeBySchema } from '../structured/schema-memo.js';
import { invalidResponse } from './invalid-response.js';
import { loadOpenAISDK, openaiSDK } from './sdk-modules.js';
import { type CallContext, toJudgeCallError } from './to-judge-call-error.js';
import type { CallSettings, WireAnswer, WireBody, WireProtocol } from './wire-protocol.js';

const ResponseSchema = z.object({
  model: z.string(),
  status: z.string().nullish(),
  incomplete_details: z.object({ reason: z.string().nullish() }).nullish(),
  output: z.array(
    z.object({
      type: z.string(),
      content: z
        .array(z.object({ type: z.string(), text: z.string().nullish(), refusal: z.string().nullish() }))
        .nullish(),
    }),
  ),
  usage: z
    .object({
      input_tokens: z.number(),
      output_tokens: z.number(),
      input_tokens_details: z.object({ cached_tokens: z.number().nullish() }).nullish(),
    })
    .nullish(),
});

const strictTextFormat = memoizeBySchema((schema, name) => {
  const format = openaiSDK().zodTextFormat(schema, name);
  return {
    type: format.type,
    name: format.name,
    schema: compactSchema(format.schema),
    strict: format.strict,
  };
});

/**
 * OpenAI Responses API, for reasoning models (`reasoning.effort`). Strict `json_schema` text
 * format; `store: false` so transcripts are not kept by the provider. No logprobs here.
 */
export function createOpenAIResponsesProtocol(options: {
  model: string;
  settings: CallSettings;
  client: () => Promise<OpenAI>;
  context: CallContext;
}): WireProtocol {
  const { model, settings, context } = options;
  return {
    name: 'openai-responses',
    supportsLogprobs: false,
    async load() {
      await loadOpenAISDK();
    },
    buildBody(request) {
      const body: WireBody = {
        model,
        instructions: request.system,
        input: [{ role: 'user', content: request.prompt }],
        max_output_tokens: request.maxOutputTokens ?? settings.maxOutputTokens,
        store: false,
        text: { format: strictTextFormat(request.schema, request.schemaName ?? 'judge_output') },
      };
      const temperature = request.temperature === undefined ? settings.temperature : request.temperature;
      if (temperature !== null) body.temperature = temperature;
      if (settings.reasoningEffort) body.reasoning = { effort: settings.reasoningEffort };
      return body;
    },
    buildRepairBody(body, raw, reason) {
      const input = body.input as unknown[];
      return {
        ...body,
        input: [
          ...input,
          { role: 'assistant', content: raw },
          { role: 'user', content: repairInstruction(reason) },
        ],
      };
    },
    async send(body, signal) {
      const client = await options.client();
      try {
        const response = await client.responses.create(
          body as unknown as OpenAI.Responses.ResponseCreateParamsNonStreaming,
          { signal },
        );
        return { response };
      } catch (error) {
        throw toJudgeCallError(error, context);
      }
    },
    readAnswer(response) {
      const parsed = ResponseSchema.safeParse(response);
      if (!parsed.success) {
        throw invalidResponse(context.provider, model, `not a response: ${parsed.error.message}`);
      }
      return responseAnswer(parsed.data);
    },
  };
}

function responseAnswer(response: z.infer<typeof ResponseSchema>): WireAnswer {
  let text = '';
  let refusal: string | undefined;
  for (const item of response.output) {
    if (item.type !== 'message') continue;
    for (const part of item.content ?? []) {
      if (part.type === 'output_text') text += part.text ?? '';
      if (part.type === 'refusal') refusal = part.refusal ?? '';
    }
  }
  const usage = response.usage;
  const incomplete = response.incomplete_details?.reason ?? undefined;
  return {
    text: refusal ?? text,
    model: response.model,
    finishReason: refusal !== undefined ? 'refusal' : (incomplete ?? response.status ?? undefined),
    tokens: {
      input: usage?.input_tokens ?? 0,
      output: usage?.output_tokens ?? 0,
      cachedInput: usage?.input_tokens_details?.cached_tokens ?? 0,
      cacheWrite: 0,
    },
    tokenLogprobs: undefined,
  };
}
