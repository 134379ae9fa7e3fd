import { formatIssuePath } from '@judgekit/core';
import type { z } from 'zod';
import { extractJSON } from './extract-json.js';

/** The outcome of checking an answer against the request's schema. */
export type AnswerCheck<TOutput> = { ok: true; value: TOutput } | { ok: false; reason: string };

/** Parses an answer's JSON and validates it with the schema; says exactly what is wrong if not. */
export function validateAnswer<TOutput>(text: string, schema: z.ZodType<TOutput>): AnswerCheck<TOutput> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(extractJSON(text));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: text.trim() === '' ? 'empty answer' : `not valid JSON (${detail})` };
  }
  const result = schema.safeParse(parsed);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues
    .slice(0, 5)
    .map((issue) => `${formatIssuePath(issue.path) || '(root)'}: ${issue.message}`);
  const more = result.error.issues.length > 5 ? `; and ${result.error.issues.length - 5} more` : '';
  return { ok: false, reason: `schema violation: ${issues.join('; ')}${more}` };
}
