import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { formatIssuePath, RunDirError, writeFileAtomic } from '@judgekit/core';
import { BATCH_RUN_FILE, type BatchRun, BatchRunSchema } from './batch-run-schema.js';

const LOCK_FILE = `${BATCH_RUN_FILE}.lock`;

/** Reads a run directory's `batches.json`; `undefined` when the run is not a batch run. */
export async function readBatchRun(runDir: string): Promise<BatchRun | undefined> {
  let text: string;
  try {
    text = await readFile(join(runDir, BATCH_RUN_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new RunDirError({ runDir, reason: `cannot read ${BATCH_RUN_FILE}`, cause: error });
  }
  const parsed = BatchRunSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RunDirError({
      runDir,
      reason: `${BATCH_RUN_FILE} at ${formatIssuePath(issue.path)}: ${issue.message}`,
    });
  }
  return parsed.data;
}

/** Writes `batches.json` atomically (temporary file + rename): a killed process leaves the old or the new state. */
export async function writeBatchRun(runDir: string, run: BatchRun): Promise<void> {
  const next = { ...run, updatedAt: new Date().toISOString() };
  await writeFileAtomic(join(runDir, BATCH_RUN_FILE), `${JSON.stringify(next, null, 2)}\n`);
}

/** Removes a run directory's batch state (when the run is overwritten). */
export async function removeBatchRun(runDir: string): Promise<void> {
  await rm(join(runDir, BATCH_RUN_FILE), { force: true });
}

/**
 * Takes the run directory's batch lock (`batches.json.lock`, holding the pid), so two processes
 * never submit or collect the same run at once; a lock left by a process that is gone is taken over.
 * Returns the release function.
 */
export async function lockBatchRun(runDir: string): Promise<() => Promise<void>> {
  const path = join(runDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
        throw new RunDirError({
          runDir,
          reason: `another judgekit process (pid ${pid}) is submitting or collecting this batch run; wait for it, or remove ${LOCK_FILE} if it is gone`,
        });
      }
      await rm(path, { force: true });
    }
  }
  throw new RunDirError({ runDir, reason: `cannot take ${LOCK_FILE}` });
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
