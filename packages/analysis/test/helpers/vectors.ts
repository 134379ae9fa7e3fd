import { readFileSync } from 'node:fs';

/** Reads a committed reference-vector file from `test/vectors/`. */
export function readVectors<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../vectors/${name}`, import.meta.url), 'utf8')) as T;
}
