import { z } from 'zod';
import { compactSchema } from './compact-schema.js';
import { memoizeBySchema } from './schema-memo.js';

/** The plain JSON Schema of a zod schema, for servers that take the schema as-is (llama.cpp, prompts). */
export const jsonSchemaOf = memoizeBySchema(deriveJSONSchema);

function deriveJSONSchema(schema: z.ZodType): Record<string, unknown> {
  return compactSchema(
    z.toJSONSchema(schema, { target: 'draft-7', io: 'output' }) as Record<string, unknown>,
  );
}
