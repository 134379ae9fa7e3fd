import type { ToolCall } from '@judgekit/core';

/** Tool-call arguments as the core `ToolCall` holds them. */
export type ToolArguments = Pick<ToolCall, 'arguments'> & { argumentsText?: string };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Arguments given as JSON text (OpenAI `function.arguments`): a JSON object becomes `arguments`;
 * anything else (truncated JSON, an array, plain text) is kept verbatim in `argumentsText`.
 */
export function argumentsFromText(text: string): ToolArguments {
  try {
    const parsed: unknown = JSON.parse(text);
    if (isPlainObject(parsed)) return { arguments: parsed };
  } catch {
    // kept as text below
  }
  return { arguments: {}, argumentsText: text };
}

/**
 * Arguments given as a value (Anthropic `input`, Inspect `arguments`): an object is kept as is;
 * a string is read as JSON text; anything else is kept as its JSON text.
 */
export function argumentsFromValue(value: unknown): ToolArguments {
  if (isPlainObject(value)) return { arguments: value };
  if (typeof value === 'string') return argumentsFromText(value);
  if (value === undefined || value === null) return { arguments: {} };
  return { arguments: {}, argumentsText: JSON.stringify(value) };
}
