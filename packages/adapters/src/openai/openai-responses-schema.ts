import { z } from 'zod';

const Part = z.looseObject({ type: z.string() });

/** A `message` item (or an easy input message without `type`). */
export const ResponsesMessageSchema = z.looseObject({
  type: z.literal('message').optional(),
  role: z.enum(['user', 'assistant', 'system', 'developer']),
  content: z.union([z.string(), z.array(Part)]),
});

/** A `reasoning` item: summary parts, optional raw reasoning text, optional encrypted content. */
export const ResponsesReasoningSchema = z.looseObject({
  type: z.literal('reasoning'),
  summary: z.array(z.looseObject({ type: z.string(), text: z.string() })).default([]),
  content: z.array(z.looseObject({ type: z.string(), text: z.string() })).nullish(),
  encrypted_content: z.string().nullish(),
});

/** A `function_call` item. */
export const ResponsesFunctionCallSchema = z.looseObject({
  call_id: z.string().min(1),
  name: z.string().min(1),
  arguments: z.string(),
});

/** A `custom_tool_call` item. */
export const ResponsesCustomToolCallSchema = z.looseObject({
  call_id: z.string().min(1),
  name: z.string().min(1),
  input: z.string(),
});

/** An `mcp_call` item: the call and its output in one item. */
export const ResponsesMCPCallSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  server_label: z.string().optional(),
  arguments: z.string(),
  output: z.string().nullish(),
  error: z.unknown().optional(),
});

/** Any other `*_call` item that carries a `call_id` (computer, local shell, shell, apply patch). */
export const ResponsesOtherCallSchema = z.looseObject({ call_id: z.string().min(1) });

/** A built-in tool call identified by `id` (web search, file search, code interpreter, image generation). */
export const ResponsesBuiltinCallSchema = z.looseObject({ id: z.string().min(1) });

/** A `*_call_output` item answering a `call_id` (`local_shell_call_output` names it `id`). */
export const ResponsesCallOutputSchema = z.looseObject({
  call_id: z.string().min(1).optional(),
  id: z.string().optional(),
  output: z.unknown(),
});
