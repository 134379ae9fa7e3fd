import type OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import type { JudgeRequest } from '../judge/judge-model.js';
import type { TokenLogprob } from '../logprobs/token-logprob.js';
import { jsonSchemaOf } from '../structured/json-schema-of.js';
import { repairInstruction } from '../structured/repair-instruction.js';
import { schemaInstruction } from '../structured/schema-instruction.js';
import { memoizeBySchema } from '../structured/schema-memo.js';
import { invalidResponse } from './invalid-response.js';
import { type CallContext, toJudgeCallError } from './to-judge-call-error.js';
import type { CallSettings, WireAnswer, WireBody, WireProtocol } from './wire-protocol.js';

const WireLogprobSchema = z.object({
  token: z.string(),
  logprob: z.number(),
  top_logprobs: z.array(z.object({ token: z.string(), logprob: z.number() })).nullish(),
});

const ChatCompletionSchema = z.object({
  model: z.string(),
  choices: z
    .array(
      z.object({
        finish_reason: z.string().nullish(),
        message: z.object({
          content: z.string().nullish(),
          refusal: z.string().nullish(),
        }),
        logprobs: z.object({ content: z.array(WireLogprobSchema).nullish() }).nullish(),
      }),
    )
    .min(1),
  usage: z
    .object({
      prompt_tokens: z.number(),
      completion_tokens: z.number(),
      prompt_tokens_details: z.object({ cached_tokens: z.number().nullish() }).nullish(),
    })
    .nullish(),
});

/**
 * OpenAI Chat Completions, used for `openai:` models and for `compatible:` servers (vLLM, Ollama,
 * llama.cpp, LiteLLM). The static prefix is the system message (OpenAI caches prefixes itself).
 */
export function createOpenAIChatProtocol(options: {
  model: string;
  settings: CallSettings;
  client: () => OpenAI;
  context: CallContext;
  /** `max_completion_tokens` for OpenAI; `max_tokens` for compatible servers, which all take it. */
  maxTokensField: 'max_completion_tokens' | 'max_tokens';
}): WireProtocol {
  const { model, settings, context } = options;
  return {
    name: 'openai-chat',
    supportsLogprobs: true,
    buildBody(request) {
      const body: WireBody = {
        model,
        messages: [
          { role: 'system', content: request.system + promptSchemaText(request, settings) },
          { role: 'user', content: request.prompt },
        ],
      };
      const temperature = request.temperature === undefined ? settings.temperature : request.temperature;
      if (temperature !== null) body.temperature = temperature;
      body[options.maxTokensField] = request.maxOutputTokens ?? settings.maxOutputTokens;
      if (settings.reasoningEffort) body.reasoning_effort = settings.reasoningEffort;
      Object.assign(body, schemaFields(request, settings));
      if (request.labels?.length) {
        body.logprobs = true;
        body.top_logprobs = settings.topLogprobs;
      }
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
      const client = options.client();
      try {
        return await client.chat.completions.create(
          body as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming,
          { signal },
        );
      } catch (error) {
        throw toJudgeCallError(error, context);
      }
    },
    readAnswer(response) {
      const parsed = ChatCompletionSchema.safeParse(response);
      if (!parsed.success) {
        throw invalidResponse(context.provider, model, `not a chat completion: ${parsed.error.message}`);
      }
      return chatAnswer(parsed.data);
    },
  };
}

function chatAnswer(completion: z.infer<typeof ChatCompletionSchema>): WireAnswer {
  const choice = completion.choices[0]!;
  const refusal = choice.message.refusal;
  const usage = completion.usage;
  return {
    text: refusal ? refusal : (choice.message.content ?? ''),
    model: completion.model,
    finishReason: refusal ? 'refusal' : (choice.finish_reason ?? undefined),
    tokens: {
      input: usage?.prompt_tokens ?? 0,
      output: usage?.completion_tokens ?? 0,
      cachedInput: usage?.prompt_tokens_details?.cached_tokens ?? 0,
      cacheWrite: 0,
    },
    tokenLogprobs: choice.logprobs?.content?.map(
      (entry): TokenLogprob => ({
        token: entry.token,
        logprob: entry.logprob,
        topLogprobs: (entry.top_logprobs ?? []).map((top) => ({ token: top.token, logprob: top.logprob })),
      }),
    ),
  };
}

const strictResponseFormat = memoizeBySchema((schema, name) => {
  const format = zodResponseFormat(schema, name);
  return { type: format.type, json_schema: format.json_schema };
});

/** The body fields that carry the schema, per structured-output mode. */
function schemaFields(request: JudgeRequest<unknown>, settings: CallSettings): WireBody {
  switch (settings.structuredOutput) {
    case 'json-schema':
      return { response_format: strictResponseFormat(request.schema, request.schemaName ?? 'judge_output') };
    case 'json-object':
      return { response_format: { type: 'json_object' } };
    case 'llama-cpp':
      return { json_schema: jsonSchemaOf(request.schema) };
    default:
      return {};
  }
}

/** Modes the server does not enforce carry the schema in the (static) system message. */
function promptSchemaText(request: JudgeRequest<unknown>, settings: CallSettings): string {
  return settings.structuredOutput === 'json-schema' ? '' : schemaInstruction(jsonSchemaOf(request.schema));
}
