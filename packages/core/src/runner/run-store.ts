import { randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import { type FileHandle, mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RunDirError } from '../errors/run-dir-error.js';
import type { Finding } from '../schemas/finding.js';
import type { RunManifest } from '../schemas/manifest.js';
import type { Verdict } from '../schemas/verdict.js';
import { createIdSet, type IdSet } from './id-set.js';
import { parseVerdictLines, verdictKey } from './read-run.js';
import { RUN_FILES } from './run-files.js';

/** Writes a file atomically: a temporary file renamed over the target. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

/** What a resumed run found already done. */
export interface ResumeState {
  verdicts: Verdict[];
  /** Units `(transcriptId, graderName)` with verdicts on disk. */
  doneUnits: IdSet;
}

/** Identifies the verdicts one grader wrote for one transcript. */
export function unitKey(transcriptId: string, graderName: string): string {
  return `${transcriptId}\u0000${graderName}`;
}

/** Queued verdict text above which `append` waits for the disk (backpressure), in characters. */
const HIGH_WATER_MARK = 8 * 1024 * 1024;

/**
 * Appends verdicts to a run directory. Each unit (one grader's verdicts for one transcript) is
 * written as one contiguous chunk. Units finished in the same turn of the event loop are coalesced
 * into one write; `append` returns before the write unless too much is queued. A crash loses at
 * most the queued units, which a resumed run grades again (LLM answers come from the response cache).
 */
export class RunStore {
  private handle: FileHandle | undefined;
  private pending: string[] = [];
  private pendingLength = 0;
  private flushing: Promise<void> | undefined;
  private scheduled = false;
  private failure: { error: unknown } | undefined;

  private constructor(readonly runDir: string) {}

  /** Creates the run directory, refusing one that already holds verdicts unless `overwrite`. */
  static async create(runDir: string, overwrite = false): Promise<RunStore> {
    await mkdir(runDir, { recursive: true });
    if (overwrite) await rm(join(runDir, RUN_FILES.findings), { force: true });
    const existing = overwrite
      ? ''
      : await readFile(join(runDir, RUN_FILES.verdicts), 'utf8').catch(() => '');
    if (existing.length > 0) {
      throw new RunDirError({
        runDir,
        reason:
          'it already holds verdicts; pass --resume to continue it, --overwrite to replace it, or choose another --out',
      });
    }
    const store = new RunStore(runDir);
    store.handle = await open(join(runDir, RUN_FILES.verdicts), 'w');
    return store;
  }

  /**
   * Opens a run directory to resume it. Drops a partial trailing line and the last unit on disk
   * (it may have been cut by the crash; it is graded again), and any duplicate verdict keys.
   */
  static async resume(runDir: string): Promise<{ store: RunStore; state: ResumeState }> {
    const path = join(runDir, RUN_FILES.verdicts);
    const text = await readFile(path, 'utf8').catch(() => '');
    const parsed = parseVerdictLines(text, runDir);
    const last = parsed.at(-1);
    const lastUnit = last ? unitKey(last.transcriptId, last.grader.name) : undefined;
    const seen = new Set<string>();
    const verdicts: Verdict[] = [];
    for (const verdict of parsed) {
      if (unitKey(verdict.transcriptId, verdict.grader.name) === lastUnit) continue;
      const key = verdictKey(verdict);
      if (seen.has(key)) continue;
      seen.add(key);
      verdicts.push(verdict);
    }
    const body = verdicts.map((verdict) => `${JSON.stringify(verdict)}\n`).join('');
    await writeFileAtomic(path, body);
    const store = new RunStore(runDir);
    store.handle = await open(path, 'a');
    const doneUnits = createIdSet(verdicts.length);
    for (const verdict of verdicts) doneUnits.add(unitKey(verdict.transcriptId, verdict.grader.name));
    return { store, state: { verdicts, doneUnits } };
  }

  /**
   * Queues one unit's verdicts. Returns a promise to wait for only when much is queued
   * (backpressure), `undefined` otherwise. Throws a previous write's error.
   */
  append(verdicts: readonly Verdict[]): Promise<void> | undefined {
    if (this.failure) throw this.failure.error;
    if (verdicts.length === 0) return undefined;
    const text = verdicts.map((verdict) => `${JSON.stringify(verdict)}\n`).join('');
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= HIGH_WATER_MARK) return this.flush();
    if (!this.scheduled && !this.flushing) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.flush().catch(() => undefined);
      });
    }
    return undefined;
  }

  /** Writes everything queued; resolves when it is on disk. */
  private flush(): Promise<void> {
    if (!this.flushing) {
      this.flushing = (async () => {
        while (this.pending.length > 0) {
          const chunk = this.pending.join('');
          this.pending = [];
          this.pendingLength = 0;
          // One synchronous append per coalesced chunk: cheaper than the promise API's per-call
          // thread-pool round trip, and a chunk is at most a few megabytes into the page cache.
          const bytes = Buffer.from(chunk);
          for (let offset = 0; offset < bytes.length; ) offset += writeSync(this.handle!.fd, bytes, offset);
        }
      })()
        .catch((error: unknown) => {
          this.failure ??= { error };
          throw error;
        })
        .finally(() => {
          this.flushing = undefined;
        });
    }
    return this.flushing;
  }

  async writeManifest(manifest: RunManifest): Promise<void> {
    await writeFileAtomic(join(this.runDir, RUN_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
  }

  async writeFindings(findings: readonly Finding[]): Promise<void> {
    await writeFileAtomic(join(this.runDir, RUN_FILES.findings), `${JSON.stringify(findings, null, 2)}\n`);
  }

  /** Writes what is queued and closes the file; throws the first write error, if any. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.handle?.close();
      this.handle = undefined;
    }
    if (this.failure) throw this.failure.error;
  }
}
