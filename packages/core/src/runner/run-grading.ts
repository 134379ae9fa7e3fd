import { toErrorInfo } from '../errors/error-info.js';
import { InvalidTranscriptError } from '../errors/invalid-transcript-error.js';
import { RunDirError } from '../errors/run-dir-error.js';
import type { CorpusGrader, CorpusRecord } from '../plugin/grader-plugin.js';
import { type Finding, FindingDraftSchema } from '../schemas/finding.js';
import { type ManifestInput, RUN_FORMAT, type RunManifest, type SkippedRecord } from '../schemas/manifest.js';
import type { Transcript } from '../schemas/transcript.js';
import type { Verdict } from '../schemas/verdict.js';
import { DEFAULT_CONCURRENCY } from './default-concurrency.js';
import { graderRef, gradeUnit } from './grade-unit.js';
import { createIdSet } from './id-set.js';
import { mapConcurrentBatches } from './map-concurrent.js';
import type { PreparedGrader } from './prepare-graders.js';
import { readManifest } from './read-run.js';
import { RunStore, unitKey } from './run-store.js';
import { concurrencyOption } from './whole-number-option.js';

/** One record from an importer: a transcript, or why the record is not one. */
export type TranscriptSourceItem =
  | { ok: true; transcript: Transcript }
  | { ok: false; error: InvalidTranscriptError };

/** Counts reported while a run progresses and at its end. */
export interface RunCounts {
  /** Transcripts read (including those already graded before a resume). */
  transcripts: number;
  /** Transcripts whose every grader was already done (resume). */
  alreadyDone: number;
  verdicts: number;
  errors: number;
  abstentions: number;
  skipped: number;
  findings: number;
}

/** Options of `runGrading`. */
export interface RunGradingOptions {
  runDir: string;
  transcripts: AsyncIterable<TranscriptSourceItem> | Iterable<TranscriptSourceItem>;
  graders: readonly PreparedGrader[];
  /**
   * Units (transcript × grader) graded at once: a whole number ≥ 1, default
   * {@link DEFAULT_CONCURRENCY} (16) when left out; anything else throws a `ConfigError`.
   */
  concurrency?: number;
  signal?: AbortSignal;
  /** Continue the run in `runDir` instead of starting a new one. */
  resume?: boolean;
  /** Replace a run already in `runDir` (ignored with `resume`). */
  overwrite?: boolean;
  /** `fail` (default) stops at the first invalid record; `skip` counts it in the manifest and goes on. */
  onInvalid?: 'fail' | 'skip';
  /** Input files, hashed, for the manifest. */
  inputs?: readonly ManifestInput[];
  /** Package versions for the manifest. */
  versions?: Readonly<Record<string, string>>;
  onProgress?: (counts: Readonly<RunCounts>) => void;
}

/** What a run ended with. */
export interface RunSummary {
  runDir: string;
  status: RunManifest['status'];
  counts: RunCounts;
  durationMs: number;
}

const MAX_SKIPPED_LISTED = 1000;

function manifestGraders(graders: readonly PreparedGrader[]): RunManifest['graders'] {
  return graders.map((grader) => ({
    ...graderRef(grader),
    kind: grader.plugin.kind,
    options: grader.options,
  }));
}

function checkResumable(previous: RunManifest, next: RunManifest, runDir: string): void {
  const describe = (manifest: RunManifest) => JSON.stringify(manifest.graders);
  if (describe(previous) !== describe(next)) {
    throw new RunDirError({
      runDir,
      reason:
        'it was started with other graders, versions or options; resume with the same config or choose another --out',
    });
  }
  const inputs = (manifest: RunManifest) =>
    manifest.inputs.map((input) => `${input.path}:${input.sha256}`).join(',');
  if (previous.inputs.length > 0 && inputs(previous) !== inputs(next)) {
    throw new RunDirError({
      runDir,
      reason: 'its input files changed since it started; resume with the same inputs',
    });
  }
}

function recordOf(transcript: Transcript): CorpusRecord {
  const { messages: _messages, ...record } = transcript;
  return record;
}

/**
 * Grades a stream of transcripts into a run directory with bounded concurrency, then runs the
 * corpus graders. Resumable: a killed run continued with `resume: true` ends with exactly one
 * verdict per (transcript, grader, dimension). A grader that throws yields `error` verdicts.
 */
export async function runGrading(options: RunGradingOptions): Promise<RunSummary> {
  const started = Date.now();
  const { runDir, graders } = options;
  const concurrency = concurrencyOption(options.concurrency, DEFAULT_CONCURRENCY);
  const onInvalid = options.onInvalid ?? 'fail';
  const signal = options.signal ?? new AbortController().signal;
  const now = () => new Date().toISOString();

  let manifest: RunManifest = {
    format: RUN_FORMAT,
    createdAt: now(),
    updatedAt: now(),
    status: 'running',
    versions: { ...options.versions },
    graders: manifestGraders(graders),
    inputs: [...(options.inputs ?? [])],
    settings: { concurrency, onInvalid },
    counts: { transcripts: 0, verdicts: 0, errors: 0, abstentions: 0, skipped: 0, findings: 0 },
    skipped: [],
    resumedAt: [],
  };

  let store: RunStore;
  let previousVerdicts: Verdict[] = [];
  let doneUnits = createIdSet();
  if (options.resume) {
    const previous = await readManifest(runDir);
    checkResumable(previous, manifest, runDir);
    const resumed = await RunStore.resume(runDir);
    store = resumed.store;
    previousVerdicts = resumed.state.verdicts;
    doneUnits = resumed.state.doneUnits;
    manifest = { ...manifest, createdAt: previous.createdAt, resumedAt: [...previous.resumedAt, now()] };
  } else {
    store = await RunStore.create(runDir, options.overwrite ?? false);
  }

  const transcriptGraders = graders.filter((grader) => grader.instance.type === 'transcript');
  const corpusGraders = graders.filter((grader) => grader.instance.type === 'corpus');
  const keepCorpus = corpusGraders.length > 0;
  const records: CorpusRecord[] = [];
  const newVerdicts: Verdict[] = [];
  const counts: RunCounts = {
    transcripts: 0,
    alreadyDone: 0,
    verdicts: 0,
    errors: 0,
    abstentions: 0,
    skipped: 0,
    findings: 0,
  };
  const tally = (verdict: Verdict) => {
    counts.verdicts++;
    if (verdict.error) counts.errors++;
    else if (verdict.label === null) counts.abstentions++;
  };
  for (const verdict of previousVerdicts) tally(verdict);
  const skipped: SkippedRecord[] = [];
  const seenIds = createIdSet();

  const writeManifest = async (status: RunManifest['status']) => {
    manifest = {
      ...manifest,
      status,
      updatedAt: now(),
      counts: {
        transcripts: counts.transcripts,
        verdicts: counts.verdicts,
        errors: counts.errors,
        abstentions: counts.abstentions,
        skipped: counts.skipped,
        findings: counts.findings,
      },
      skipped: skipped.slice(0, MAX_SKIPPED_LISTED),
    };
    await store.writeManifest(manifest);
  };
  await writeManifest('running');

  const invalid = (error: InvalidTranscriptError) => {
    if (onInvalid === 'fail') throw error;
    counts.skipped++;
    if (skipped.length < MAX_SKIPPED_LISTED) {
      skipped.push({
        ...(error.file === undefined ? {} : { file: error.file }),
        ...(error.line === undefined ? {} : { line: error.line }),
        ...(error.entry === undefined ? {} : { entry: error.entry }),
        ...(error.path ? { path: error.path } : {}),
        reason: error.reason,
      });
    }
  };

  // Units are handed out one transcript's worth at a time (see `mapConcurrentBatches`); the units
  // of a transcript share one counter of those not yet written.
  type Unit = { transcript: Transcript; grader: PreparedGrader; pending: { left: number } };
  const source = (
    Symbol.asyncIterator in options.transcripts
      ? options.transcripts[Symbol.asyncIterator]()
      : options.transcripts[Symbol.iterator]()
  ) as AsyncIterator<TranscriptSourceItem> | Iterator<TranscriptSourceItem>;
  let sourceEnded = false;
  const nextUnits = async (): Promise<Unit[] | undefined> => {
    const next = await source.next();
    if (next.done) {
      sourceEnded = true;
      return undefined;
    }
    const item = next.value;
    if (!item.ok) {
      invalid(item.error);
      return [];
    }
    const { transcript } = item;
    if (!seenIds.add(transcript.id)) {
      invalid(
        new InvalidTranscriptError({
          file: transcript.source?.file,
          path: 'id',
          reason: `duplicate transcript id "${transcript.id}"`,
        }),
      );
      return [];
    }
    counts.transcripts++;
    if (keepCorpus) records.push(recordOf(transcript));
    const todo =
      doneUnits.size === 0
        ? transcriptGraders
        : transcriptGraders.filter((grader) => !doneUnits.has(unitKey(transcript.id, grader.name)));
    if (todo.length === 0) {
      counts.alreadyDone++;
      options.onProgress?.(counts);
      return [];
    }
    const pending = { left: todo.length };
    return todo.map((grader) => ({ transcript, grader, pending }));
  };

  const written = (unit: Unit, verdicts: Verdict[]) => {
    for (const verdict of verdicts) tally(verdict);
    if (keepCorpus) newVerdicts.push(...verdicts);
    if (--unit.pending.left === 0) options.onProgress?.(counts);
  };
  const record = (unit: Unit, verdicts: Verdict[] | undefined): Promise<void> | undefined => {
    if (!verdicts) return undefined;
    const full = store.append(verdicts);
    if (full) return full.then(() => written(unit, verdicts));
    written(unit, verdicts);
    return undefined;
  };

  let status: RunManifest['status'] = 'complete';
  try {
    let ended = false;
    try {
      ended = await mapConcurrentBatches(
        nextUnits,
        concurrency,
        (unit) => {
          const verdicts = gradeUnit(unit.transcript, unit.grader, signal);
          return verdicts instanceof Promise
            ? verdicts.then((settled) => record(unit, settled))
            : record(unit, verdicts);
        },
        signal,
      );
    } finally {
      if (!ended && !sourceEnded) await source.return?.();
    }
    if (signal.aborted) status = 'aborted';
    else if (corpusGraders.length > 0) {
      const findings = await analyzeCorpus(
        corpusGraders,
        records,
        [...previousVerdicts, ...newVerdicts],
        signal,
      );
      counts.findings = findings.length;
      await store.writeFindings(findings);
    }
  } catch (error) {
    await store.close();
    await writeManifest('failed');
    throw error;
  }
  await store.close();
  await writeManifest(status);
  return { runDir, status, counts, durationMs: Date.now() - started };
}

async function analyzeCorpus(
  graders: readonly PreparedGrader[],
  records: readonly CorpusRecord[],
  verdicts: readonly Verdict[],
  signal: AbortSignal,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const grader of graders) {
    const instance = grader.instance as CorpusGrader;
    let drafts: unknown[];
    try {
      drafts = await instance.analyze({ records, verdicts }, { signal });
    } catch (error) {
      findings.push({
        grader: graderRef(grader),
        environment: 'pooled',
        metric: 'unknown',
        conditions: ['', ''],
        estimates: [],
        effect: { measure: 'none', value: null },
        test: { name: 'none', alternative: 'two-sided' },
        pValue: null,
        pAdjusted: null,
        flagged: false,
        notes: [],
        error: toErrorInfo(error),
      });
      continue;
    }
    for (const draft of drafts) {
      findings.push({ ...FindingDraftSchema.parse(draft), grader: graderRef(grader) });
    }
  }
  return findings;
}
