/** The grader plugin spec versions this build of judgekit can load, newest first. */
export const SUPPORTED_GRADER_SPECS = ['judgekit.grader/v1'] as const;

/** A supported grader plugin spec version. */
export type GraderSpec = (typeof SUPPORTED_GRADER_SPECS)[number];

/** Whether `spec` is one this build supports. */
export function isSupportedGraderSpec(spec: unknown): spec is GraderSpec {
  return (SUPPORTED_GRADER_SPECS as readonly unknown[]).includes(spec);
}

/** The sentence shown when a plugin declares a spec this build cannot load. */
export function unsupportedSpecReason(spec: unknown): string {
  return `it declares spec ${JSON.stringify(spec)}, but this judgekit supports ${SUPPORTED_GRADER_SPECS.join(', ')}`;
}
