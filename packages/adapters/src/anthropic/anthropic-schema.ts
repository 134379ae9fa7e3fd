import { z } from 'zod';

/** A content block; its fields are checked per `type` when mapped. */
export const AnthropicBlockSchema = z.looseObject({ type: z.string() });

/** One entry of `messages` (or a response `Message`, which has the same role and content). */
export const AnthropicMessageSchema = z.looseObject({
  role: z.enum(['user', 'assistant']),
  content: z.union([z.string(), z.array(AnthropicBlockSchema)]),
});

/** `system` of a Messages request: a string or text blocks. */
export const AnthropicSystemSchema = z.union([
  z.string(),
  z.array(z.looseObject({ type: z.literal('text'), text: z.string() })),
]);

/** A `text` block. */
export const AnthropicTextSchema = z.looseObject({ text: z.string() });
/** A `thinking` block with its signature. */
export const AnthropicThinkingSchema = z.looseObject({
  thinking: z.string(),
  signature: z.string().nullish(),
});
/** A `redacted_thinking` block: opaque `data` only. */
export const AnthropicRedactedThinkingSchema = z.looseObject({ data: z.string() });
/** A `tool_use`, `server_tool_use` or `mcp_tool_use` block. */
export const AnthropicToolUseSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  input: z.unknown(),
});
/** A `tool_result` block of a user message. */
export const AnthropicToolResultSchema = z.looseObject({
  tool_use_id: z.string().min(1),
  content: z.union([z.string(), z.array(AnthropicBlockSchema)]).optional(),
  is_error: z.boolean().nullish(),
});
/** A server-tool result block in an assistant message (`web_search_tool_result`, `mcp_tool_result`, …). */
export const AnthropicServerToolResultSchema = z.looseObject({
  tool_use_id: z.string().min(1),
  content: z.unknown(),
  is_error: z.boolean().nullish(),
});
/** An `image` or `document` block: only its source is described, never copied. */
export const AnthropicImageSchema = z.looseObject({
  source: z.looseObject({ type: z.string(), media_type: z.string().nullish(), url: z.string().nullish() }),
});
