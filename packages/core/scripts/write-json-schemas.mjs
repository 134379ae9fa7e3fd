// Writes docs/schemas/*.json from the built zod schemas: `pnpm --filter @judgekit/core schemas`.
import { writeFileSync } from 'node:fs';
import { jsonSchemas } from '../dist/index.js';

const target = new URL('../../../docs/schemas/', import.meta.url);
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(new URL(`${name}.json`, target), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote docs/schemas/${name}.json`);
}
