import { ConfigError } from '@judgekit/core';
import {
  type CreateGraderOptions,
  createGrader,
  type Grader,
  type GraderReference,
} from './create-grader.js';

/** A grader as the integrations accept it: a `Grader`, an id or plugin, or an id with options. */
export type GraderInput =
  | Grader
  | GraderReference
  | { use: GraderReference; name?: string | undefined; options?: unknown };

function isGrader(value: unknown): value is Grader {
  return typeof value === 'object' && value !== null && typeof (value as Grader).gradeMany === 'function';
}

/**
 * Turns grader inputs into `Grader`s, creating those given by id or plugin with `defaults`
 * (registry, cacheDir, env, cwd). Names must be unique: the verdicts are told apart by them.
 */
export function resolveGraders(
  inputs: readonly GraderInput[],
  defaults: Omit<CreateGraderOptions, 'options' | 'name'> = {},
): Grader[] {
  if (inputs.length === 0) throw new ConfigError({ path: 'graders', reason: 'no graders given' });
  const names = new Set<string>();
  for (const input of inputs) {
    const name = nameOf(input);
    if (names.has(name)) {
      throw new ConfigError({
        path: 'graders',
        reason: `grader name "${name}" is used twice; give one of them another \`name\``,
      });
    }
    names.add(name);
  }
  return inputs.map((input) => {
    if (isGrader(input)) return input;
    if (typeof input === 'object' && 'use' in input) {
      return createGrader(input.use, { ...defaults, name: input.name, options: input.options });
    }
    return createGrader(input, defaults);
  });
}

function nameOf(input: GraderInput): string {
  if (isGrader(input)) return input.name;
  if (typeof input === 'string') return input;
  if ('use' in input) return input.name ?? (typeof input.use === 'string' ? input.use : input.use.id);
  return input.id;
}

/** Grades one transcript with every grader, concatenating their verdicts in grader order. */
export async function gradeWithAll(
  graders: readonly Grader[],
  transcript: Parameters<Grader['grade']>[0],
  options: { signal?: AbortSignal } = {},
): Promise<Awaited<ReturnType<Grader['grade']>>> {
  const results = await Promise.all(graders.map((grader) => grader.grade(transcript, options)));
  return results.flat();
}
