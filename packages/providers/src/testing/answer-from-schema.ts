/**
 * A minimal value that satisfies a JSON Schema (first enum value, first union member, empty
 * strings, minimum numbers, `false`, every listed property): a default answer for benchmarks.
 */
export function answerFromSchema(schema: unknown, root: unknown = schema): unknown {
  if (schema === null || typeof schema !== 'object') return null;
  const node = schema as Record<string, unknown>;
  if (typeof node.$ref === 'string') return answerFromSchema(resolveRef(root, node.$ref), root);
  if ('const' in node) return node.const;
  if (Array.isArray(node.enum)) return node.enum[0];
  const union = (node.anyOf ?? node.oneOf) as unknown[] | undefined;
  if (Array.isArray(union)) {
    const member = union.find((option) => (option as { type?: unknown }).type !== 'null') ?? union[0];
    return answerFromSchema(member, root);
  }
  const type = Array.isArray(node.type) ? node.type.find((entry) => entry !== 'null') : node.type;
  switch (type) {
    case 'object': {
      const properties = (node.properties ?? {}) as Record<string, unknown>;
      return Object.fromEntries(
        Object.entries(properties).map(([key, value]) => [key, answerFromSchema(value, root)]),
      );
    }
    case 'array': {
      const count = typeof node.minItems === 'number' ? node.minItems : 0;
      return Array.from({ length: count }, () => answerFromSchema(node.items, root));
    }
    case 'string':
      return 'x'.repeat(typeof node.minLength === 'number' ? node.minLength : 0);
    case 'number':
    case 'integer':
      return typeof node.minimum === 'number' ? node.minimum : 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

function resolveRef(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    node = (node as Record<string, unknown> | undefined)?.[
      decodeURIComponent(part.replace(/~1/g, '/').replace(/~0/g, '~'))
    ];
  }
  return node;
}
