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

export const AnthropicTextSchema = z.looseObject({ text: z.string() });
export const AnthropicThinkingSchema = z.looseObject({
  thinking: z.string(),
  signature: z.string().nullish(),
});
export const AnthropicRedactedThinkingSchema = z.looseObject({ data: z.string() });
export const AnthropicToolUseSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  input: z.unknown(),
});
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
export const AnthropicImageSchema = z.looseObject({
  source: z.looseObject({ type: z.string(), media_type: z.string().nullish(), url: z.string().nullish() }),
});
