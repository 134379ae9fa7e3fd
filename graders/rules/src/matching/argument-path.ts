import { z } from 'zod';

/**
 * A path into a tool call's arguments, a documented subset of JSON path: keys separated by dots,
 * array indices in brackets, and `*` (any key) / `[*]` (any element). `files[*].path`,
 * `options.recursive`, `commands[0]`. A leading `$.` is accepted and ignored.
 */
export const ArgumentPathSchema = z
  .string()
  .min(1)
  .regex(
    /^(\$\.)?(\*|[A-Za-z0-9_-]+)(\[(\d+|\*)\])*(\.(\*|[A-Za-z0-9_-]+)(\[(\d+|\*)\])*)*$/,
    'an argument path is dotted keys with optional [index] or [*], e.g. files[*].path',
  );

type Step = { kind: 'key'; key: string } | { kind: 'index'; index: number } | { kind: 'any' };

/** A compiled argument path. */
export interface ArgumentPath {
  readonly source: string;
  /**
   * The string values at the path (numbers and booleans as text, arrays of them element by element;
   * objects skipped), in document order, appended to `into` when given.
   */
  values(argumentsValue: Readonly<Record<string, unknown>>, into?: string[]): string[];
}

function parseSteps(path: string): Step[] {
  const steps: Step[] = [];
  const body = path.startsWith('$.') ? path.slice(2) : path;
  for (const part of body.split('.')) {
    const bracket = part.indexOf('[');
    const key = bracket < 0 ? part : part.slice(0, bracket);
    steps.push(key === '*' ? { kind: 'any' } : { kind: 'key', key });
    for (const index of part.slice(bracket < 0 ? part.length : bracket).matchAll(/\[(\d+|\*)\]/g)) {
      steps.push(index[1] === '*' ? { kind: 'any' } : { kind: 'index', index: Number(index[1]) });
    }
  }
  return steps;
}

function leafText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function pushLeaves(value: unknown, out: string[]): void {
  const text = leafText(value);
  if (text !== undefined) out.push(text);
  else if (Array.isArray(value)) {
    for (const item of value) {
      const itemText = leafText(item);
      if (itemText !== undefined) out.push(itemText);
    }
  }
}

/** Walks `steps[at…]` from `node` depth-first, so no list of intermediate nodes is built. */
function collect(node: unknown, steps: readonly Step[], at: number, out: string[]): void {
  const step = steps[at];
  if (step === undefined) {
    pushLeaves(node, out);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  if (step.kind === 'key') {
    if (!Array.isArray(node) && Object.hasOwn(node, step.key))
      collect((node as Record<string, unknown>)[step.key], steps, at + 1, out);
  } else if (step.kind === 'index') {
    if (Array.isArray(node) && step.index < node.length) collect(node[step.index], steps, at + 1, out);
  } else {
    for (const child of Array.isArray(node) ? node : Object.values(node)) collect(child, steps, at + 1, out);
  }
}

/** Compiles a path written as `ArgumentPathSchema` describes. */
export function compileArgumentPath(path: string): ArgumentPath {
  const steps = parseSteps(path);
  return {
    source: path,
    values(argumentsValue, into = []) {
      collect(argumentsValue, steps, 0, into);
      return into;
    },
  };
}
