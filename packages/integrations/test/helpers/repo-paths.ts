import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

/** The docs folder and its examples. */
export const DOCS = join(REPO_ROOT, 'docs');
export const EXAMPLES = join(DOCS, 'examples');

/** This package's folder. */
export const PACKAGE_DIR = join(REPO_ROOT, 'packages', 'integrations');
