import { ConfigError, formatIssuePath } from '@judgekit/core';
import type { z } from 'zod';

/**
 * Parses JSONL text into records validated by `schema`, each with its 1-based line number (blank
 * lines ignored). An invalid line is a `ConfigError` naming the file, the line and the field.
 * @param file the file name used in error messages
 * @param hint appended to the reason of a schema failure, e.g. the expected shape
 */
export function parseJsonlLines<TSchema extends z.ZodType>(
  text: string,
  schema: TSchema,
  options: { file?: string; hint?: string },
): { record: z.infer<TSchema>; line: number }[] {
  const out: { record: z.infer<TSchema>; line: number }[] = [];
  text.split('\n').forEach((text, index) => {
    if (text.trim() === '') return;
    const line = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new ConfigError({ file: options.file, path: `line ${line}`, reason: 'not JSON', cause: error });
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ConfigError({
        file: options.file,
        path: `line ${line} at ${formatIssuePath(issue.path)}`,
        reason: options.hint ? `${issue.message} (${options.hint})` : issue.message,
      });
    }
    out.push({ record: parsed.data, line });
  });
  return out;
}

/** {@link parseJsonlLines} without the line numbers. */
export function parseJsonlRecords<TSchema extends z.ZodType>(
  text: string,
  schema: TSchema,
  options: { file: string; hint?: string },
): z.infer<TSchema>[] {
  return parseJsonlLines(text, schema, options).map((entry) => entry.record);
}
