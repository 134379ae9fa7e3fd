import { join } from 'node:path';
import {
  graderRef,
  type ManifestInput,
  type PreparedGrader,
  RUN_FILES,
  RUN_FORMAT,
  RunDirError,
  type RunManifest,
  RunManifestSchema,
  readManifest,
  writeFileAtomic,
} from '@judgekit/core';

/** The graders as a run manifest records them (and as a resume compares them). */
function manifestGraders(graders: readonly PreparedGrader[]): RunManifest['graders'] {
  return graders.map((grader) => ({
    ...graderRef(grader),
    kind: grader.plugin.kind,
    options: grader.options,
  }));
}

/**
 * Writes the manifest of a batch run that is waiting for its batches: status `running`, no verdicts
 * yet, the graders and hashed inputs the run must be finished with (the finishing run resumes it,
 * and refuses other graders, options or inputs).
 */
export async function writeWaitingManifest(options: {
  runDir: string;
  graders: readonly PreparedGrader[];
  inputs: readonly ManifestInput[];
  versions: Readonly<Record<string, string>>;
  concurrency: number;
  onInvalid: 'fail' | 'skip';
}): Promise<void> {
  const now = new Date().toISOString();
  const manifest = RunManifestSchema.parse({
    format: RUN_FORMAT,
    createdAt: now,
    updatedAt: now,
    status: 'running',
    versions: { ...options.versions },
    graders: manifestGraders(options.graders),
    inputs: [...options.inputs],
    settings: { concurrency: options.concurrency, onInvalid: options.onInvalid },
    counts: { transcripts: 0, verdicts: 0, errors: 0, abstentions: 0, skipped: 0, findings: 0 },
    skipped: [],
    resumedAt: [],
  } satisfies RunManifest);
  await writeFileAtomic(join(options.runDir, RUN_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Refuses to continue a batch run with other graders, options or inputs than it was submitted with. */
export async function checkSameRun(options: {
  runDir: string;
  graders: readonly PreparedGrader[];
  inputs: readonly ManifestInput[];
}): Promise<void> {
  const manifest = await readManifest(options.runDir);
  if (JSON.stringify(manifest.graders) !== JSON.stringify(manifestGraders(options.graders))) {
    throw new RunDirError({
      runDir: options.runDir,
      reason: 'its batches were submitted for other graders, versions or options than these',
    });
  }
  const inputs = (list: readonly ManifestInput[]) =>
    list.map((input) => `${input.path}:${input.sha256}`).join(',');
  if (inputs(manifest.inputs) !== inputs(options.inputs)) {
    throw new RunDirError({
      runDir: options.runDir,
      reason: 'its input files changed since its batches were submitted',
    });
  }
}
