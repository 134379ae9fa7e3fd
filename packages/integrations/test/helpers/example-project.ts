import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { EXAMPLES, PACKAGE_DIR } from './repo-paths.js';

/** The installed folder of a dependency of this package (workspace packages included). */
export function packageFolder(name: string): string {
  return name === '@judgekit/integrations'
    ? PACKAGE_DIR
    : realpathSync(join(PACKAGE_DIR, 'node_modules', name));
}

/** Packages a user project of the examples has installed. */
export const EXAMPLE_DEPENDENCIES = [
  '@judgekit/integrations',
  '@judgekit/adapters',
  '@judgekit/core',
  '@judgekit/testkit',
  'zod',
  'vitest',
] as const;

/**
 * A temporary user project: the given `docs/examples` entries copied byte for byte, and
 * `node_modules` links to the packages such a project installs. Removed after the file's tests.
 */
export function useExampleProject(): (options: {
  examples?: readonly string[];
  packages?: readonly string[];
}) => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  return ({ examples = [], packages = EXAMPLE_DEPENDENCIES }) => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'judgekit-example-')));
    made.push(dir);
    for (const example of examples) cpSync(join(EXAMPLES, example), join(dir, example), { recursive: true });
    for (const name of packages) {
      const link = join(dir, 'node_modules', name);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(packageFolder(name), link, 'dir');
    }
    return dir;
  };
}
