import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `../shared/data` beside the repository: real public data, read in place and never copied. */
export const SHARED_DATA = fileURLToPath(new URL('../../../../shared/data', import.meta.url));

/**
 * A folder of the shared data, whether it is there, and a describe title that says what is
 * skipped and why when it is not (a fresh clone without `../shared` still passes its tests).
 */
export function sharedFolder(name: string, what: string): { dir: string; present: boolean; title: string } {
  const dir = fileURLToPath(new URL(`../../../../shared/data/${name}`, import.meta.url));
  const present = existsSync(dir);
  return {
    dir,
    present,
    title: present
      ? what
      : `${what} — SKIPPED: ${dir} is absent (the shared real-data folder is not beside the repo)`,
  };
}
