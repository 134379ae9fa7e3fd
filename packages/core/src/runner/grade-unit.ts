import { formatIssuePath, toErrorInfo } from '../errors/error-info.js';
import type { TranscriptGrader } from '../plugin/grader-plugin.js';
import type { GraderRef } from '../schemas/grader-ref.js';
import type { Transcript } from '../schemas/transcript.js';
import { type Verdict, VerdictDraftSchema } from '../schemas/verdict.js';
import { verifyEvidence } from '../transcript/quote-verifier.js';
import type { PreparedGrader } from './prepare-graders.js';

/** The reference to a prepared grader stored on its verdicts and findings. */
export function graderRef(grader: PreparedGrader): GraderRef {
  return { name: grader.name, id: grader.plugin.id, version: grader.plugin.version };
}

/**
 * Grades one transcript with one transcript grader: validates the drafts, verifies evidence quotes
 * under the verdict's view, and turns a throw into `error` verdicts. Returns `undefined` when the
 * work was aborted (it is not done, and is graded again on resume).
 */
export async function gradeUnit(
  transcript: Transcript,
  grader: PreparedGrader,
  signal: AbortSignal,
): Promise<Verdict[] | undefined> {
  const instance = grader.instance as TranscriptGrader;
  const startedAt = new Date();
  const base = () => ({
    transcriptId: transcript.id,
    grader: graderRef(grader),
    timing: { startedAt: startedAt.toISOString(), durationMs: Date.now() - startedAt.getTime() },
  });
  let drafts: unknown[];
  try {
    drafts = await instance.grade(transcript, { signal });
  } catch (error) {
    if (signal.aborted) return undefined; // not done: graded again on resume
    return grader.dimensions.map((dimension) => ({
      ...base(),
      dimension,
      label: null,
      evidence: [],
      error: toErrorInfo(error),
    }));
  }
  return drafts.map((draft, index) => {
    const parsed = VerdictDraftSchema.safeParse(draft);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const dimension = (draft as { dimension?: unknown })?.dimension;
      return {
        ...base(),
        dimension: typeof dimension === 'string' ? dimension : (grader.dimensions[index] ?? 'unknown'),
        label: null,
        evidence: [],
        error: {
          name: 'InvalidVerdictError',
          message: `grader returned an invalid verdict at ${formatIssuePath(issue.path)}: ${issue.message}`,
        },
      };
    }
    const view = parsed.data.view ?? 'all';
    const evidence = parsed.data.evidence.map((item) => verifyEvidence(transcript, item, view));
    return { ...parsed.data, ...base(), evidence };
  });
}
