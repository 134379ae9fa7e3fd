import { z } from 'zod';

/** A content part of a chat-completions message; fields are checked per `type` when mapped. */
export const ChatContentPartSchema = z.looseObject({ type: z.string() });

/** `tool_calls[i]` of an assistant message: a function call, or a custom tool call. */
export const ChatToolCallSchema = z.looseObject({
  id: z.string().min(1),
  type: z.string().optional(),
  function: z.looseObject({ name: z.string().min(1), arguments: z.string() }).optional(),
  custom: z.looseObject({ name: z.string().min(1), input: z.string() }).optional(),
});

/** One `reasoning_details` entry, as OpenRouter and some OpenAI-compatible servers return. */
export const ChatReasoningDetailSchema = z.looseObject({
  type: z.string(),
  text: z.string().nullish(),
  summary: z.string().nullish(),
  data: z.string().nullish(),
  signature: z.string().nullish(),
});

/**
 * One chat-completions message (`messages[i]` of a request, or `choices[i].message` of a
 * response), with the non-standard reasoning fields OpenAI-compatible servers add.
 */
export const ChatMessageSchema = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  content: z.union([z.string(), z.array(ChatContentPartSchema), z.null()]).optional(),
  name: z.string().nullish(),
  tool_calls: z.array(z.unknown()).nullish(),
  tool_call_id: z.string().nullish(),
  function_call: z.looseObject({ name: z.string().min(1), arguments: z.string() }).nullish(),
  refusal: z.string().nullish(),
  /** DeepSeek, vLLM, SGLang, llama.cpp. */
  reasoning_content: z.string().nullish(),
  /** OpenRouter, Ollama, Groq, newer vLLM. */
  reasoning: z.string().nullish(),
  reasoning_details: z.array(z.unknown()).nullish(),
});

/** A parsed chat-completions message. */
export type ChatMessage = z.infer<typeof ChatMessageSchema>;
