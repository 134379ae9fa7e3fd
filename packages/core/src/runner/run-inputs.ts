import { access } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { RunDirError } from '../errors/run-dir-error.js';
import type { RunManifest } from '../schemas/manifest.js';
import type { TranscriptSourceItem } from './run-grading.js';

/** Reads one input file as transcripts (e.g. `readTranscripts` of `@judgekit/adapters`). */
export type TranscriptFileReader = (file: string) => AsyncIterable<TranscriptSourceItem>;

/**
 * The input files a run's manifest records, as absolute paths (relative ones against `cwd`, as the
 * grading command received them). No recorded input, or one that is not there, is a `RunDirError`
 * that says which file and, with `noInputs` / `otherwise`, what the caller can do instead.
 */
export async function resolveRunInputs(
  runDir: string,
  manifest: RunManifest,
  options: { cwd?: string; noInputs: string; otherwise?: string },
): Promise<string[]> {
  if (manifest.inputs.length === 0)
    throw new RunDirError({ runDir, reason: `its manifest records no input files; ${options.noInputs}` });
  const cwd = options.cwd ?? process.cwd();
  const files: string[] = [];
  for (const input of manifest.inputs) {
    const file = isAbsolute(input.path) ? input.path : resolve(cwd, input.path);
    try {
      await access(file);
    } catch (error) {
      throw new RunDirError({
        runDir,
        reason: `input ${input.path} (recorded in manifest.json) is not at ${file}; run from the directory the run was graded in${options.otherwise ? `, or ${options.otherwise}` : ''}`,
        cause: error,
      });
    }
    files.push(file);
  }
  return files;
}
