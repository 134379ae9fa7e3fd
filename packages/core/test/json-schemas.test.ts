import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../src/index.js';

describe('published JSON Schemas', () => {
  it.each(Object.entries(jsonSchemas()))('docs/schemas/%s.json matches the zod schema', (name, schema) => {
    const published = JSON.parse(
      readFileSync(new URL(`../../../docs/schemas/${name}.json`, import.meta.url), 'utf8'),
    );
    expect(published, 'regenerate with: pnpm --filter @judgekit/core schemas').toEqual(schema);
  });
});
