import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../src/index.js';

describe('published JSON Schemas', () => {
  it('cover every file in docs/schemas, and no other', () => {
    const published = readdirSync(new URL('../../../docs/schemas/', import.meta.url))
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length));
    expect(published.length).toBeGreaterThan(0);
    expect(Object.keys(jsonSchemas()).sort()).toEqual(published.sort());
  });

  it.each(Object.entries(jsonSchemas()))('docs/schemas/%s.json matches the zod schema', (name, schema) => {
    const published = JSON.parse(
      readFileSync(new URL(`../../../docs/schemas/${name}.json`, import.meta.url), 'utf8'),
    );
    expect(published, 'regenerate with: pnpm --filter @judgekit/core schemas').toEqual(schema);
  });
});
