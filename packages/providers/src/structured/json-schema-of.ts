import { z } from 'zod';

/** The plain JSON Schema of a zod schema, for servers that take the schema as-is (llama.cpp, prompts). */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'output',
  }) as Record<string, unknown>;
  return rest;
}
