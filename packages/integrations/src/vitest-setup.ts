import { expect } from 'vitest';
import { judgekitMatchers } from './vitest/scheming-matchers.js';

export type { JudgekitMatchers } from './vitest.js';

expect.extend(judgekitMatchers);
