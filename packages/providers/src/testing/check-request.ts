import { forcedTool } from './request-schema.js';
import type { WireKind } from './test-server-types.js';

/**
 * What a real provider would refuse with 400 in this body, or `undefined`. Covers the mistakes a
 * client can make with judge calls: missing fields, thinking with forced tools or a temperature,
 * logprob options without logprobs, strict schemas that the API rejects.
 */
export function requestProblem(kind: WireKind, body: Record<string, unknown>): string | undefined {
  if (typeof body.model !== 'string' || body.model === '') return 'model: field required';
  if (kind === 'anthropic-messages') return anthropicProblem(body);
  if (kind === 'openai-responses') return body.input === undefined ? 'input: field required' : undefined;
  if (!Array.isArray(body.messages) || body.messages.length === 0)
    return 'messages: must be a non-empty array';
  if (body.top_logprobs !== undefined && body.logprobs !== true)
    return 'top_logprobs requires logprobs: true';
  const format = body.response_format as
    | { type?: string; json_schema?: { strict?: boolean; schema?: unknown } }
    | undefined;
  if (format?.type === 'json_schema' && format.json_schema?.strict) {
    return strictSchemaProblem(format.json_schema.schema, 'response_format.json_schema.schema');
  }
  return undefined;
}

function anthropicProblem(body: Record<string, unknown>): string | undefined {
  if (typeof body.max_tokens !== 'number') return 'max_tokens: field required';
  if (!Array.isArray(body.messages) || body.messages.length === 0)
    return 'messages: must be a non-empty array';
  if (body.thinking) {
    if (forcedTool('anthropic-messages', body)) {
      return 'Thinking may not be enabled when tool_choice forces tool use.';
    }
    if (body.temperature !== undefined && body.temperature !== 1) {
      return '`temperature` may only be set to 1 when thinking is enabled.';
    }
  }
  return undefined;
}

/** OpenAI strict mode: every object closes `additionalProperties` and requires all its properties. */
function strictSchemaProblem(schema: unknown, path: string): string | undefined {
  if (schema === null || typeof schema !== 'object') return undefined;
  if (Array.isArray(schema)) {
    for (const [index, item] of schema.entries()) {
      const problem = strictSchemaProblem(item, `${path}.${index}`);
      if (problem) return problem;
    }
    return undefined;
  }
  const node = schema as Record<string, unknown>;
  if (node.type === 'object' && node.properties) {
    if (node.additionalProperties !== false) {
      return `Invalid schema for response_format: ${path}: additionalProperties must be false in strict mode`;
    }
    const required = new Set((node.required ?? []) as string[]);
    const missing = Object.keys(node.properties).find((key) => !required.has(key));
    if (missing)
      return `Invalid schema for response_format: ${path}: "${missing}" must be in required in strict mode`;
  }
  for (const [key, value] of Object.entries(node)) {
    const problem = strictSchemaProblem(value, `${path}.${key}`);
    if (problem) return problem;
  }
  return undefined;
}
