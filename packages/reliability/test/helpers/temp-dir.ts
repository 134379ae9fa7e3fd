import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A fresh temporary directory per call, all removed after the test file. */
export function useTempDirs(prefix = 'judgekit-reliability-'): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}

/** Runs per property; raise with FUZZ_RUNS=1000 for a longer hunt (JUDGEKIT_LONG_TESTS=1 gives 500). */
export const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.JUDGEKIT_LONG_TESTS === '1' ? 500 : 60));

/** Long variants (thousands of calls, dozens of kills) run only with JUDGEKIT_LONG_TESTS=1. */
export const LONG = process.env.JUDGEKIT_LONG_TESTS === '1';
