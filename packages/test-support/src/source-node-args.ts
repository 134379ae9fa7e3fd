import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const TSX_LOADER = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist/loader.mjs')).href;

/** Node.js arguments that run a TypeScript file of this workspace from source: tsx, with the `@judgekit/source` condition. */
export function sourceNodeArgs(file: string): string[] {
  return ['--conditions=@judgekit/source', '--import', TSX_LOADER, file];
}
