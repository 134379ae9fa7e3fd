import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_PATH } from '@judgekit/fixtures';

/** Writes the first `count` transcripts of the fixture corpus to `<dir>/fixtures-subset.jsonl`. */
export function writeFixtureSubset(dir: string, count: number): string {
  const lines = readFileSync(CORPUS_PATH, 'utf8').split('\n').filter(Boolean).slice(0, count);
  const file = join(dir, 'fixtures-subset.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Files in a response cache directory (one per stored response). */
export function cachedResponses(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith('.json')).length;
}
