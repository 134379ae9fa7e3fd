import { ConfigError, formatIssuePath, type GoldLabel, GoldLabelSchema } from '@judgekit/core';

/**
 * Parses a labels JSONL text (one core `GoldLabel` per line; blank lines ignored). An invalid
 * line is a `ConfigError` naming the file, the line and the field.
 * @param file the file name used in error messages
 */
export function parseGoldLabels(text: string, file: string): GoldLabel[] {
  const gold: GoldLabel[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new ConfigError({ file, path: `line ${index + 1}`, reason: 'not JSON', cause: error });
    }
    const parsed = GoldLabelSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ConfigError({
        file,
        path: `line ${index + 1} at ${formatIssuePath(issue.path)}`,
        reason: issue.message,
      });
    }
    gold.push(parsed.data);
  });
  return gold;
}
