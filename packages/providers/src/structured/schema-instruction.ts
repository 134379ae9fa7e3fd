/**
 * The instruction appended to the static prefix when the server does not enforce a schema itself:
 * it is static per rubric, so it stays in the cacheable prefix.
 */
export function schemaInstruction(jsonSchema: unknown): string {
  return [
    '',
    'Answer with a single JSON object and nothing else: no prose, no code fences.',
    'The object must match this JSON Schema:',
    JSON.stringify(jsonSchema),
  ].join('\n');
}
