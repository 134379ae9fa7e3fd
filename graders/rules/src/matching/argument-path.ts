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
  /** The string values at the path (numbers and booleans as text, arrays of them element by element; objects skipped). */
  values(argumentsValue: Readonly<Record<string, unknown>>): string[];
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

/** Compiles a path written as `ArgumentPathSchema` describes. */
export function compileArgumentPath(path: string): ArgumentPath {
  const steps = parseSteps(path);
  return {
    source: path,
    values(argumentsValue) {
      let current: unknown[] = [argumentsValue];
      for (const step of steps) {
        const next: unknown[] = [];
        for (const node of current) {
          if (node === null || typeof node !== 'object') continue;
          if (step.kind === 'any') {
            next.push(...(Array.isArray(node) ? node : Object.values(node)));
          } else if (step.kind === 'index') {
            if (Array.isArray(node) && step.index < node.length) next.push(node[step.index]);
          } else if (!Array.isArray(node) && Object.hasOwn(node, step.key)) {
            next.push((node as Record<string, unknown>)[step.key]);
          }
        }
        current = next;
        if (current.length === 0) return [];
      }
      const out: string[] = [];
      for (const value of current) {
        const text = leafText(value);
        if (text !== undefined) out.push(text);
        else if (Array.isArray(value)) {
          for (const item of value) {
            const itemText = leafText(item);
            if (itemText !== undefined) out.push(itemText);
          }
        }
      }
      return out;
    },
  };
}
