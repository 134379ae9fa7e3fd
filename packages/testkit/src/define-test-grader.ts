import { type Dimension, defineGrader, type GraderPlugin, type TranscriptGrader } from '@judgekit/core';
import { z } from 'zod';

const NoOptions = z.object({});

/**
 * A one-off rule grader for a test, without the plugin boilerplate: version 1.0.0, view `all`, no
 * key, no options. `grade` is the transcript grader's `grade`.
 */
export function defineTestGrader(options: {
  id: string;
  description: string;
  dimensions?: Dimension[];
  grade: TranscriptGrader['grade'];
}): GraderPlugin<z.infer<typeof NoOptions>> {
  return defineGrader({
    spec: 'judgekit.grader/v1',
    id: options.id,
    version: '1.0.0',
    kind: 'rule',
    dimensions: options.dimensions ?? ['covert_action'],
    views: ['all'],
    needsKey: false,
    config: NoOptions,
    docs: { description: options.description },
    create: () => ({ type: 'transcript', grade: options.grade }),
  });
}
