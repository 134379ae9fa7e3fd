import type { AnyGraderPlugin } from '@judgekit/core';
import { plugins as rulePlugins } from '@judgekit/grader-rules';

/** The graders that ship with judgekit. */
export const BUILTIN_GRADER_PLUGINS: readonly AnyGraderPlugin[] = [...rulePlugins];
