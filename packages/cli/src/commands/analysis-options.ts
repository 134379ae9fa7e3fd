import { ConfigError } from '@judgekit/core';

/** Parses a CLI number flag, or throws a `ConfigError` naming the flag. */
export function parseNumberFlag(flag: string, range: { min?: number; max?: number; integer?: boolean } = {}) {
  return (value: string): number => {
    const number = Number(value);
    const ok =
      value.trim() !== '' &&
      Number.isFinite(number) &&
      (range.integer !== true || Number.isInteger(number)) &&
      (range.min === undefined || number >= range.min) &&
      (range.max === undefined || number <= range.max);
    if (!ok) {
      const bounds = [
        range.min === undefined ? '' : `≥ ${range.min}`,
        range.max === undefined ? '' : `≤ ${range.max}`,
      ]
        .filter(Boolean)
        .join(' and ');
      throw new ConfigError({
        path: flag,
        reason: `expected ${range.integer ? 'an integer' : 'a number'}${bounds ? ` ${bounds}` : ''}, got "${value}"`,
      });
    }
    return number;
  };
}

/** Parses a comma-separated list flag. */
export function parseListFlag(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
