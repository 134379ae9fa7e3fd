import type { WireKind } from './test-server-types.js';

/** The JSON Schema a request body carries, wherever its protocol puts it; `undefined` if none. */
export function requestSchema(kind: WireKind, body: Record<string, unknown>): unknown {
  const get = (value: unknown, ...path: string[]): unknown =>
    path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
  if (kind === 'openai-chat') {
    return (
      get(body, 'response_format', 'json_schema', 'schema') ??
      body.json_schema ??
      forcedTool(kind, body)?.schema
    );
  }
  if (kind === 'openai-responses') return get(body, 'text', 'format', 'schema');
  return get(body, 'output_config', 'format', 'schema') ?? forcedTool(kind, body)?.schema;
}

/** The tool a request forces the model to call, with its input schema; `undefined` if none. */
export function forcedTool(
  kind: WireKind,
  body: Record<string, unknown>,
): { name: string; schema: unknown } | undefined {
  const choice = body.tool_choice as Record<string, unknown> | undefined;
  const tools = (body.tools ?? []) as Record<string, unknown>[];
  if (kind === 'anthropic-messages' && choice?.type === 'tool' && typeof choice.name === 'string') {
    const tool = tools.find((entry) => entry.name === choice.name);
    return { name: choice.name, schema: tool?.input_schema };
  }
  if (kind === 'openai-chat' && choice?.type === 'function') {
    const name = (choice.function as { name?: unknown } | undefined)?.name;
    if (typeof name !== 'string') return undefined;
    const tool = tools.find((entry) => (entry.function as { name?: unknown } | undefined)?.name === name);
    return { name, schema: (tool?.function as { parameters?: unknown } | undefined)?.parameters };
  }
  return undefined;
}
