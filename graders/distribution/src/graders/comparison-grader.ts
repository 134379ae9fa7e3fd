import { type Dimension, defineGrader, type GraderPlugin } from '@judgekit/core';
import { compareConditions } from '../comparison/compare-conditions.js';
import {
  type ComparisonConfig,
  type ComparisonDefaults,
  comparisonConfigSchema,
} from '../comparison/comparison-config.js';

/** What distinguishes one ready comparison grader from another: identity, docs and defaults. */
export interface ComparisonGraderSpec {
  id: string;
  version: string;
  dimensions: readonly Dimension[];
  description: string;
  details: string;
  defaults: ComparisonDefaults;
}

/**
 * Builds a distribution grader (a corpus grader) that compares two conditions with
 * `compareConditions`: per environment and pooled, with corrected p-values and flags.
 */
export function createComparisonGrader(spec: ComparisonGraderSpec): GraderPlugin<ComparisonConfig> {
  return defineGrader<ComparisonConfig>({
    spec: 'judgekit.grader/v1',
    id: spec.id,
    version: spec.version,
    kind: 'distribution',
    dimensions: spec.dimensions,
    views: [],
    needsKey: false,
    config: comparisonConfigSchema(spec.defaults),
    docs: { description: spec.description, details: spec.details },
    create: (config) => ({ type: 'corpus', analyze: (corpus) => compareConditions(corpus, config) }),
  });
}
