import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';

/**
 * Runs in every test file (a vitest setup file): names the file in the environment its processes
 * inherit, and fails the file when a connection to a host other than loopback was attempted while it
 * ran — by the worker or by a process it spawned (`vitest.offline-guard.mjs` records them).
 */
let file: string | undefined;

beforeAll(() => {
  file = expect.getState().testPath;
  process.env.JUDGEKIT_TEST_FILE = file;
});

afterAll(() => {
  const log = process.env.JUDGEKIT_OFFLINE_LOG;
  if (!log || !existsSync(log)) return;
  const mine = readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line !== '' && line.includes(` file=${file} `));
  if (mine.length > 0) {
    throw new Error(`tests must not touch the internet; connections attempted:\n${mine.join('\n')}`);
  }
});
