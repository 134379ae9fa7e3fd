import type OpenAI from 'openai';
import { z } from 'zod';
import { freezeJSON } from '../cache/canonical-json.js';
import type { JudgeRequest } from '../judge/judge-model.js';
import type { TokenLogprob } from '../logprobs/token-logprob.js';
import { compactSchema } from '../structured/compact-schema.js';
import { jsonSchemaOf } from '../structured/json-schema-of.js';
import { repairInstruction } from '../structured/repair-instruction.js';
import { schemaInstruction } from '../structured/schema-instruction.js';
import { memoizeBySchema } from '../structured/schema-memo.js';
import { invalidResponse } from './invalid-response.js';
import { readSDKResponse } from './read-sdk-response.js';
import { loadOpenAISDK, openaiSDK } from './sdk-modules.js';
import { type CallContext, toJudgeCallError } from './to-judge-call-error.js';
import type { CallSettings, WireAnswer, WireBody, WireProtocol } from './wire-protocol.js';

const WireLogprobSchema = z.object({
  token: z.string(),
  logprob: z.number(),
  top_logprobs: z.array(z.object({ token: z.string(), logprob: z.number() })).nullish(),
});

/** The schema of a chat completion whose `logprobs.content` is checked by `logprobs`. */
function completionSchema<TLogprobs extends z.ZodType>(logprobs: TLogprobs) {
  return z.object({
    model: z.string(),
    choices: z
      .array(
        z.object({
          finish_reason: z.string().nullish(),
          message: z.object({
            content: z.string().nullish(),
            refusal: z.string().nullish(),
          }),
          logprobs: z.object({ content: logprobs }).nullish(),
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
}

const ChatCompletionSchema = completionSchema(z.array(WireLogprobSchema).nullish());

/**
 * The same completion with `logprobs.content` left unchecked: a response carries one entry per
 * output token, and checking those with zod cost more than the rest of reading the answer.
 */
const ChatCompletionOutlineSchema = completionSchema(z.unknown());

/**
 * OpenAI Chat Completions, used for `openai:` models and for `compatible:` servers (vLLM, Ollama,
 * llama.cpp, LiteLLM). The static prefix is the system message (OpenAI caches prefixes itself).
 */
export function createOpenAIChatProtocol(options: {
  model: string;
  settings: CallSettings;
  client: () => Promise<OpenAI>;
  context: CallContext;
  /** `max_completion_tokens` for OpenAI; `max_tokens` for compatible servers, which all take it. */
  maxTokensField: 'max_completion_tokens' | 'max_tokens';
}): WireProtocol {
  const { model, settings, context } = options;
  return {
    name: 'openai-chat',
    supportsLogprobs: true,
    async load() {
      await loadOpenAISDK();
    },
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
      const client = await options.client();
      try {
        const response = await client.chat.completions
          .create(body as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming, { signal })
          .asResponse();
        return await readSDKResponse(response);
      } catch (error) {
        throw toJudgeCallError(error, context);
      }
    },
    readAnswer(response) {
      const outline = ChatCompletionOutlineSchema.safeParse(response);
      if (outline.success) {
        const [first, ...others] = outline.data.choices.map((choice) =>
          tokenLogprobsOf(choice.logprobs?.content),
        );
        if (first !== INVALID && !others.includes(INVALID)) return chatAnswer(outline.data, first);
      }
      // the full schema decides, and says what is wrong
      const parsed = ChatCompletionSchema.safeParse(response);
      if (!parsed.success) {
        throw invalidResponse(context.provider, model, `not a chat completion: ${parsed.error.message}`);
      }
      const content = parsed.data.choices[0]!.logprobs?.content;
      return chatAnswer(
        parsed.data,
        content?.map(
          (entry): TokenLogprob => ({
            token: entry.token,
            logprob: entry.logprob,
            topLogprobs: (entry.top_logprobs ?? []).map((top) => ({
              token: top.token,
              logprob: top.logprob,
            })),
          }),
        ),
      );
    },
  };
}

/** What {@link chatAnswer} reads of a checked completion besides the token logprobs. */
type CompletionFields = Omit<z.infer<typeof ChatCompletionSchema>, 'choices'> & {
  choices: Omit<z.infer<typeof ChatCompletionSchema>['choices'][number], 'logprobs'>[];
};

function chatAnswer(completion: CompletionFields, tokenLogprobs: TokenLogprob[] | undefined): WireAnswer {
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
    tokenLogprobs,
  };
}

/** Marks logprob entries that {@link tokenLogprobsOf} could not read. */
const INVALID = Symbol('invalid logprobs');

/**
 * The token logprobs of `logprobs.content`: `undefined` when absent, {@link INVALID} unless every
 * entry is what `WireLogprobSchema` accepts (a token string and finite logprobs; no `top_logprobs`
 * or a list of them), checked by hand because a response holds one entry per output token. The
 * alternatives are the response's own objects (read-only; their extra fields such as `bytes` are
 * never read), so a response costs one new object per token, not one per alternative.
 */
function tokenLogprobsOf(content: unknown): TokenLogprob[] | undefined | typeof INVALID {
  if (content === null || content === undefined) return undefined;
  if (!Array.isArray(content)) return INVALID;
  const tokens: TokenLogprob[] = [];
  for (const entry of content) {
    if (!isTokenLogprob(entry)) return INVALID;
    const top = (entry as { top_logprobs?: unknown }).top_logprobs;
    if (top !== null && top !== undefined && !(Array.isArray(top) && top.every(isTokenLogprob))) {
      return INVALID;
    }
    const topLogprobs = (top ?? []) as TokenLogprob['topLogprobs'];
    tokens.push({ token: entry.token, logprob: entry.logprob, topLogprobs });
  }
  return tokens;
}

function isTokenLogprob(value: unknown): value is { token: string; logprob: number } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { token, logprob } = value as { token?: unknown; logprob?: unknown };
  return typeof token === 'string' && typeof logprob === 'number' && Number.isFinite(logprob);
}

const strictResponseFormat = memoizeBySchema((schema, name) => {
  const format = openaiSDK().zodResponseFormat(schema, name);
  return freezeJSON({
    type: format.type,
    json_schema: { ...format.json_schema, schema: compactSchema(format.json_schema.schema) },
  });
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
