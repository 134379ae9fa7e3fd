import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export { SHARED_DATA, sharedFolder } from '@judgekit/test-support';

/** This package's own test data. */
export const TEST_DATA = join(dirname(fileURLToPath(import.meta.url)), '..', 'data');
