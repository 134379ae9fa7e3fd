import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `../shared/data` beside the repository (read in place, never copied). */
export const SHARED_DATA = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  '..',
  '..',
  'shared',
  'data',
);

/** A folder of the shared data, whether it exists, and a describe title that says what is missing. */
export function sharedFolder(name: string, what: string): { dir: string; present: boolean; title: string } {
  const dir = join(SHARED_DATA, name);
  const present = existsSync(dir);
  return {
    dir,
    present,
    title: present
      ? what
      : `${what} — SKIPPED: ${dir} is absent (the shared real-data folder is not beside the repo)`,
  };
}

/** This package's own test data. */
export const TEST_DATA = join(dirname(fileURLToPath(import.meta.url)), '..', 'data');
