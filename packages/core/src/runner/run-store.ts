import { randomUUID } from 'node:crypto';
import { type FileHandle, mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RunDirError } from '../errors/run-dir-error.js';
import type { Finding } from '../schemas/finding.js';
import type { RunManifest } from '../schemas/manifest.js';
import type { Verdict } from '../schemas/verdict.js';
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
  doneUnits: Set<string>;
}

/** Identifies the verdicts one grader wrote for one transcript. */
export function unitKey(transcriptId: string, graderName: string): string {
  return `${transcriptId}\u0000${graderName}`;
}

/**
 * Appends verdicts to a run directory. Each unit (one grader's verdicts for one transcript) is
 * written as one contiguous chunk; pending chunks are coalesced into one write.
 */
export class RunStore {
  private handle: FileHandle | undefined;
  private pending: string[] = [];
  private flushing: Promise<void> | undefined;

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
    const doneUnits = new Set(verdicts.map((verdict) => unitKey(verdict.transcriptId, verdict.grader.name)));
    return { store, state: { verdicts, doneUnits } };
  }

  /** Queues one unit's verdicts; resolves when they are on disk. */
  append(verdicts: readonly Verdict[]): Promise<void> {
    if (verdicts.length === 0) return Promise.resolve();
    this.pending.push(verdicts.map((verdict) => `${JSON.stringify(verdict)}\n`).join(''));
    return this.flush();
  }

  private flush(): Promise<void> {
    if (!this.flushing) {
      this.flushing = (async () => {
        while (this.pending.length > 0) {
          const chunk = this.pending.join('');
          this.pending = [];
          await this.handle!.appendFile(chunk);
        }
      })().finally(() => {
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

  async close(): Promise<void> {
    await this.flush();
    await this.handle?.close();
    this.handle = undefined;
  }
}
