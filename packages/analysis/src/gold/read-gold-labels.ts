import { readFile } from 'node:fs/promises';
import { ConfigError, type GoldLabel } from '@judgekit/core';
import { parseGoldLabels } from './parse-gold-labels.js';

/** Reads a labels JSONL file of core `GoldLabel` records. */
export async function readGoldLabels(file: string): Promise<GoldLabel[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError({
      file,
      reason: `cannot read gold labels: ${(error as Error).message}`,
      cause: error,
    });
  }
  return parseGoldLabels(text, file);
}
