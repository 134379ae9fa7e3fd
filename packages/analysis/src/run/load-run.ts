import {
  type Finding,
  type RunManifest,
  readFindings,
  readManifest,
  readVerdicts,
  type Verdict,
} from '@judgekit/core';

/** Everything a run directory holds. */
export interface RunData {
  runDir: string;
  manifest: RunManifest;
  verdicts: Verdict[];
  findings: Finding[];
}

/** Reads a run directory's manifest, verdicts and findings (core `read*`, validated). */
export async function loadRun(runDir: string): Promise<RunData> {
  const manifest = await readManifest(runDir);
  const [verdicts, findings] = await Promise.all([readVerdicts(runDir), readFindings(runDir)]);
  return { runDir, manifest, verdicts, findings };
}
