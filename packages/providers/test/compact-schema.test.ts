import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compactSchema } from '../src/structured/compact-schema.js';
import { jsonSchemaOf } from '../src/structured/json-schema-of.js';

describe('compactSchema', () => {
  const schema = z.object({
    message: z.number().int(),
    score: z.number().int().min(0).max(10),
    items: z.array(z.object({ index: z.number().int() })),
  });

  it('drops the dialect and the ±(2^53 − 1) bounds zod writes on every integer, nothing else', () => {
    const raw = z.toJSONSchema(schema, { target: 'draft-7', io: 'output' }) as Record<string, unknown>;
    expect(JSON.stringify(raw)).toContain('9007199254740991');
    const compact = compactSchema(raw);
    const text = JSON.stringify(compact);
    expect(text).not.toContain('9007199254740991');
    expect(text).not.toContain('$schema');
    expect(compact).toMatchObject({
      properties: {
        message: { type: 'integer' },
        score: { type: 'integer', minimum: 0, maximum: 10 },
        items: { items: { properties: { index: { type: 'integer' } } } },
      },
    });
    expect(text.length).toBeLessThan(JSON.stringify(raw).length);
  });

  it('is what jsonSchemaOf returns', () => {
    expect(JSON.stringify(jsonSchemaOf(schema))).not.toContain('9007199254740991');
  });
});
