import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatIssuePath } from '../errors/error-info.js';
import { RunDirError } from '../errors/run-dir-error.js';
import { type Finding, FindingSchema } from '../schemas/finding.js';
import { type RunManifest, RunManifestSchema } from '../schemas/manifest.js';
import { type Verdict, VerdictSchema } from '../schemas/verdict.js';
import { RUN_FILES } from './run-files.js';

async function readText(runDir: string, name: string): Promise<string | undefined> {
  try {
    return await readFile(join(runDir, name), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new RunDirError({ runDir, reason: `cannot read ${name}`, cause: error });
  }
}

/** Reads and validates a run's `manifest.json`. */
export async function readManifest(runDir: string): Promise<RunManifest> {
  const text = await readText(runDir, RUN_FILES.manifest);
  if (text === undefined)
    throw new RunDirError({ runDir, reason: `no ${RUN_FILES.manifest}; is this a run directory?` });
  const parsed = RunManifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RunDirError({
      runDir,
      reason: `${RUN_FILES.manifest} at ${formatIssuePath(issue.path)}: ${issue.message}`,
    });
  }
  return parsed.data;
}

/**
 * Parses verdict lines. A trailing line without its newline (a write cut by a crash) is ignored;
 * any other invalid line is an error naming its line number.
 */
export function parseVerdictLines(text: string, runDir: string): Verdict[] {
  const lines = text.split('\n');
  const complete = text.endsWith('\n') ? lines.slice(0, -1) : lines.slice(0, -1);
  const verdicts: Verdict[] = [];
  complete.forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new RunDirError({
        runDir,
        reason: `${RUN_FILES.verdicts} line ${index + 1} is not JSON`,
        cause: error,
      });
    }
    const parsed = VerdictSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new RunDirError({
        runDir,
        reason: `${RUN_FILES.verdicts} line ${index + 1} at ${formatIssuePath(issue.path)}: ${issue.message}`,
      });
    }
    verdicts.push(parsed.data);
  });
  return verdicts;
}

/** Reads every complete verdict of a run directory. */
export async function readVerdicts(runDir: string): Promise<Verdict[]> {
  const text = await readText(runDir, RUN_FILES.verdicts);
  return text === undefined ? [] : parseVerdictLines(text, runDir);
}

/** Reads a run's findings (distribution graders), or `[]` when there are none. */
export async function readFindings(runDir: string): Promise<Finding[]> {
  const text = await readText(runDir, RUN_FILES.findings);
  if (text === undefined) return [];
  return FindingSchema.array().parse(JSON.parse(text));
}

/** The key that identifies a verdict within a run: one per (transcript, grader, dimension). */
export function verdictKey(
  verdict: Pick<Verdict, 'transcriptId' | 'dimension'> & { grader: { name: string } },
): string {
  return `${verdict.transcriptId}\u0000${verdict.grader.name}\u0000${verdict.dimension}`;
}
