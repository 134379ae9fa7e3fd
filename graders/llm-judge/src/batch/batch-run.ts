import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type GraderCreateContext,
  type ManifestInput,
  type PreparedGrader,
  RUN_FILES,
  RunDirError,
  type RunSummary,
  type TranscriptSourceItem,
} from '@judgekit/core';
import { isBatchable, withBatchJudges } from './batch-graders.js';
import { createBatchJudgeFactory } from './batch-judge-factory.js';
import { lockBatchRun, readBatchRun, writeBatchRun } from './batch-run-file.js';
import { checkSameRun, writeWaitingManifest } from './batch-run-manifest.js';
import { BATCH_RUN_FORMAT, type BatchRun } from './batch-run-schema.js';
import { collectRequests } from './collect-requests.js';
import { type BatchStatusRow, batchStatusRow, pollBatches } from './poll-batches.js';
import { type SubmittedBatch, submitRound } from './submit-round.js';

/** A request is put in at most this many batches by default. */
export const DEFAULT_MAX_ATTEMPTS = 3;

/** Most requests per provider batch by default: OpenAI's limit (Anthropic allows 100 000). */
export const DEFAULT_MAX_BATCH_REQUESTS = 50_000;

/** What every batch-run step needs: the run directory, its transcripts and graders. */
export interface BatchRunInput {
  runDir: string;
  /** Opens the run's transcripts; called once per pass over them. */
  transcripts: () => AsyncIterable<TranscriptSourceItem> | Iterable<TranscriptSourceItem>;
  /** The run's graders, prepared as for `runGrading` (the `llm-judge.*` ones are batched). */
  graders: readonly PreparedGrader[];
  /** The context the graders were created with (environment with the keys, cwd, cacheDir). */
  context: GraderCreateContext;
  /** The hashed input files (as in the manifest). */
  inputs: readonly ManifestInput[];
  /** Units graded at once in a pass. */
  concurrency: number;
  onInvalid: 'fail' | 'skip';
  signal?: AbortSignal;
}

/** One submission round as reported. */
export interface BatchRoundReport {
  round: number;
  transcripts: number;
  /** Units (transcript × batched grader) read in the collecting pass. */
  units: number;
  /** Requests submitted in this round (requests already in the response cache are not). */
  requests: number;
  batches: SubmittedBatch[];
}

/** What `submitBatchRun` did. */
export interface SubmitBatchRunReport extends BatchRoundReport {
  /** Graders whose judge calls are not batched: graded synchronously when the run finishes. */
  unbatched: string[];
}

/**
 * `judgekit grade --batch`: reads every transcript once with the `llm-judge.*` graders on collecting
 * judges, so each judge request not yet in the response cache is set aside; writes the run's
 * manifest (status `running`) and `batches.json`, then submits the requests through each judge's
 * batch API (OpenAI Batch, Anthropic Message Batches), recording each batch before and after the
 * provider accepts it. No verdict is written: `collectBatchRun` finishes the run.
 */
export async function submitBatchRun(
  options: BatchRunInput & {
    /** Package versions for the manifest. */
    versions: Readonly<Record<string, string>>;
    /** Stored as is in `batches.json` for the caller to rebuild the run later (inputs, graders, config). */
    run: unknown;
    overwrite?: boolean;
    maxAttempts?: number;
    maxBatchRequests?: number;
  },
): Promise<SubmitBatchRunReport> {
  const { runDir } = options;
  const batched = options.graders.filter(isBatchable);
  if (batched.length === 0) {
    throw new RunDirError({
      runDir,
      reason:
        'none of its graders is an llm-judge.* grader, so there is nothing to batch; grade without --batch',
    });
  }
  await mkdir(runDir, { recursive: true });
  const release = await lockBatchRun(runDir);
  try {
    await checkEmpty(runDir, options.overwrite ?? false);
    const factory = createBatchJudgeFactory(new Map());
    const pass = await collectRequests({
      transcripts: options.transcripts(),
      graders: withBatchJudges(options.graders, options.context, factory),
      concurrency: options.concurrency,
      onInvalid: options.onInvalid,
      signal: options.signal ?? new AbortController().signal,
    });
    await writeWaitingManifest(options);
    const now = new Date().toISOString();
    const run: BatchRun = {
      format: BATCH_RUN_FORMAT,
      createdAt: now,
      updatedAt: now,
      maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      maxBatchRequests: options.maxBatchRequests ?? DEFAULT_MAX_BATCH_REQUESTS,
      run: options.run,
      batches: [],
      failures: {},
      finishedAt: null,
    };
    await writeBatchRun(runDir, run);
    const round = await submitRound({ runDir, run, groups: factory.groups() });
    return {
      ...round,
      transcripts: pass.transcripts,
      units: pass.units,
      unbatched: options.graders
        .filter((grader) => grader.plugin.kind === 'llm-judge' && !isBatchable(grader))
        .map((grader) => grader.name),
    };
  } finally {
    await release();
  }
}

/** What `collectBatchRun` did. */
export interface CollectBatchRunReport {
  /** Every verdict of the run is written. */
  finished: boolean;
  /** Batches collected in this call. */
  collected: BatchStatusRow[];
  /** Batches the provider is still working on (when not finished). */
  running: BatchStatusRow[];
  /** Rounds submitted in this call for requests still without a response. */
  resubmitted: BatchRoundReport[];
  /** Requests that failed in `maxAttempts` batches: their units got `error` verdicts. */
  exhausted: number;
  /** The finishing run, when there was one. */
  summary: RunSummary | undefined;
  /** When the run was finished by an earlier `collect` (nothing was done now). */
  finishedAt?: string;
}

/**
 * `judgekit batch collect`: collects every finished batch into the response cache (results matched
 * by custom id, in any order), then reads the transcripts again with collecting judges; requests
 * still without a response (failed items, batches never confirmed) go into a new round, at most
 * `maxAttempts` batches per request. When none is left, `finish` runs the normal grading over the
 * run with resume semantics: every judge call is a cache hit, so the verdicts are the synchronous
 * run's; a request that failed every attempt becomes an `error` verdict saying why. With `wait`,
 * polls until the run is finished. Safe to interrupt and run again at any point.
 */
export async function collectBatchRun(
  options: BatchRunInput & {
    wait?: boolean;
    /** Between polls with `wait`, in milliseconds; default 60 000. */
    pollIntervalMs?: number;
    /** Grades the run with these graders, resuming it (the CLI's `runGrading` with `resume: true`). */
    finish: (graders: PreparedGrader[]) => Promise<RunSummary>;
    /** Told about each step (a batch collected, a round submitted, waiting). */
    onUpdate?: (report: CollectBatchRunReport) => void;
  },
): Promise<CollectBatchRunReport> {
  const { runDir, context } = options;
  const signal = options.signal ?? new AbortController().signal;
  const release = await lockBatchRun(runDir);
  const report: CollectBatchRunReport = {
    finished: false,
    collected: [],
    running: [],
    resubmitted: [],
    exhausted: 0,
    summary: undefined,
  };
  try {
    const run = await readBatchRun(runDir);
    if (!run) {
      throw new RunDirError({
        runDir,
        reason: 'it holds no batches.json: it was not started with grade --batch',
      });
    }
    if (run.finishedAt) return { ...report, finished: true, finishedAt: run.finishedAt };
    await checkSameRun(options);
    await abandonUnconfirmed(runDir, run);
    while (!signal.aborted) {
      const polled = await pollBatches({ runDir, run, env: context.env });
      report.collected.push(...polled.collected);
      report.running = polled.running;
      if (polled.collected.length > 0 || polled.running.length > 0) options.onUpdate?.(report);
      if (polled.running.length > 0) {
        if (!options.wait) return report;
        await sleep(options.pollIntervalMs ?? 60_000, undefined, { signal }).catch(() => undefined);
        continue;
      }
      const factory = createBatchJudgeFactory(new Map());
      const pass = await collectRequests({
        transcripts: options.transcripts(),
        graders: withBatchJudges(options.graders, context, factory),
        concurrency: options.concurrency,
        onInvalid: options.onInvalid,
        signal,
      });
      if (signal.aborted) break;
      const round = await submitRound({ runDir, run, groups: factory.groups() });
      if (round.requests > 0) {
        report.resubmitted.push({ ...round, transcripts: pass.transcripts, units: pass.units });
        options.onUpdate?.(report);
        if (!options.wait) return report;
        continue;
      }
      const exhausted = new Map(
        Object.entries(run.failures)
          .filter(([, failure]) => failure.attempts >= run.maxAttempts)
          .map(([key, failure]) => [key, `failed in ${failure.attempts} batch(es): ${failure.reason}`]),
      );
      const finishing = createBatchJudgeFactory(exhausted);
      report.summary = await options.finish(withBatchJudges(options.graders, context, finishing));
      report.exhausted = finishing.groups().reduce((sum, group) => sum + group.items.length, 0);
      report.finished = report.summary.status === 'complete';
      if (report.finished) await writeBatchRun(runDir, { ...run, finishedAt: new Date().toISOString() });
      return report;
    }
    return report;
  } finally {
    await release();
  }
}

/** `batch status`: each batch of the run, asking the provider about those still submitted. */
export async function batchRunStatus(
  runDir: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ runDir: string; finishedAt: string | null; failedRequests: number; batches: BatchStatusRow[] }> {
  const run = await readBatchRun(runDir);
  if (!run)
    throw new RunDirError({
      runDir,
      reason: 'it holds no batches.json: it was not started with grade --batch',
    });
  const batches: BatchStatusRow[] = [];
  for (const record of run.batches) batches.push(await batchStatusRow(record, env));
  return {
    runDir,
    finishedAt: run.finishedAt,
    failedRequests: Object.keys(run.failures).length,
    batches,
  };
}

/** Whether a run directory is a batch run still waiting for its batches (not yet finished by `collect`). */
export async function isBatchRunWaiting(runDir: string): Promise<boolean> {
  const run = await readBatchRun(runDir);
  return run !== undefined && run.finishedAt === null;
}

/** Refuses a run directory that already holds a run, unless it is to be overwritten (then clears it). */
async function checkEmpty(runDir: string, overwrite: boolean): Promise<void> {
  const verdicts = await readFile(join(runDir, RUN_FILES.verdicts), 'utf8').catch(() => '');
  const batchRun = await readBatchRun(runDir);
  if (!overwrite && (verdicts.length > 0 || batchRun)) {
    throw new RunDirError({
      runDir,
      reason: batchRun
        ? 'it already holds a batch run; continue it with `judgekit batch collect`, or pass --overwrite'
        : 'it already holds verdicts; pass --overwrite to replace them, or choose another --out',
    });
  }
  if (overwrite) {
    for (const name of [RUN_FILES.verdicts, RUN_FILES.findings])
      await rm(join(runDir, name), { force: true });
  }
}

/** Batches planned by a process that stopped before the provider confirmed them: their requests are asked again. */
async function abandonUnconfirmed(runDir: string, run: BatchRun): Promise<void> {
  const planned = run.batches.filter((record) => record.phase === 'planned');
  if (planned.length === 0) return;
  for (const record of planned) {
    record.phase = 'abandoned';
    record.error = 'the submitting process stopped before the provider confirmed this batch';
  }
  await writeBatchRun(runDir, run);
}
