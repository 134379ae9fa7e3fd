import type { AnyGraderPlugin } from '@judgekit/core';
import { forbiddenToolsGrader } from './forbidden-tools.js';

export {
  type ForbiddenToolsConfig,
  ForbiddenToolsConfigSchema,
  forbiddenToolsGrader,
} from './forbidden-tools.js';

/** Every rule-based grader this package provides. */
export const plugins: readonly AnyGraderPlugin[] = [forbiddenToolsGrader];
