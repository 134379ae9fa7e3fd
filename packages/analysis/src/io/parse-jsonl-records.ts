import { ConfigError, formatIssuePath } from '@judgekit/core';
import type { z } from 'zod';

/**
 * Parses JSONL text into records validated by `schema` (blank lines ignored). An invalid line is a
 * `ConfigError` naming the file, the line and the field.
 * @param file the file name used in error messages
 * @param hint appended to the reason of a schema failure, e.g. the expected shape
 */
export function parseJsonlRecords<TSchema extends z.ZodType>(
  text: string,
  schema: TSchema,
  options: { file: string; hint?: string },
): z.infer<TSchema>[] {
  const records: z.infer<TSchema>[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new ConfigError({
        file: options.file,
        path: `line ${index + 1}`,
        reason: 'not JSON',
        cause: error,
      });
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ConfigError({
        file: options.file,
        path: `line ${index + 1} at ${formatIssuePath(issue.path)}`,
        reason: options.hint ? `${issue.message} (${options.hint})` : issue.message,
      });
    }
    records.push(parsed.data);
  });
  return records;
}
