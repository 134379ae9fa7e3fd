import { resolve } from 'node:path';
import { TRANSCRIPT_FORMATS, type TranscriptFormat } from '@judgekit/adapters';
import {
  ConfigError,
  DEFAULT_CONCURRENCY,
  formatIssuePath,
  type GraderCreateContext,
  type GraderRegistry,
  type GraderSetup,
  issueToReport,
  type ManifestInput,
  type PreparedGrader,
  prepareGraders,
  type RunSummary,
  runGrading,
  type TranscriptSourceItem,
} from '@judgekit/core';
import {
  type CollectBatchRunReport,
  collectBatchRun,
  DEFAULT_MAX_BATCH_REQUESTS,
  isBatchRunWaiting,
  removeBatchRun,
  submitBatchRun,
} from '@judgekit/grader-llm-judge';
import { type Command, Option } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../config/load-config.js';
import { buildRegistry, resolveGraderSetups } from '../config/resolve-graders.js';
import { countRecords } from '../inputs/count-records.js';
import { hashInputs } from '../inputs/hash-inputs.js';
import { readInputs } from '../inputs/read-inputs.js';
import { resolveInputs } from '../inputs/resolve-inputs.js';
import { type CLIOutput, writeJSON } from '../output/cli-output.js';
import { createProgressReporter } from '../output/progress-reporter.js';
import { CLI_VERSION } from '../version.js';
import { parseNumberFlag } from './analysis-options.js';

interface GradeOptions {
  graders?: string;
  out: string;
  concurrency?: number;
  resume?: boolean;
  overwrite?: boolean;
  from: TranscriptFormat | 'auto';
  onInvalid?: 'fail' | 'skip';
  config?: string;
  cacheDir?: string;
  judge?: string;
  baseUrl?: string;
  batch?: boolean;
  batchSize?: number;
  json?: boolean;
}

/** Run-wide judge settings from `--judge` and `--base-url`. */
export interface JudgeFlags {
  judge?: string | undefined;
  baseURL?: string | undefined;
}

/** The flag each option key `applyJudgeFlags` fills in comes from. */
const JUDGE_FLAG_OF_OPTION: Readonly<Record<string, string>> = { judge: '--judge', baseURL: '--base-url' };

/**
 * A `ConfigError` naming the flag when a value it filled in fails the grader's option schema, so
 * that the error is not taken for one in the config file the setup came from.
 */
function checkFilledOptions(setup: GraderSetup, registry: GraderRegistry, filled: readonly string[]): void {
  const parsed = registry.get(setup.use).config.safeParse(setup.options);
  const found = parsed.success
    ? undefined
    : parsed.error.issues.find((each) => filled.includes(String(each.path[0])));
  if (!found) return;
  const issue = issueToReport(found);
  const option = [setup.name ?? setup.use, 'options', formatIssuePath(issue.path)].join('.');
  throw new ConfigError({
    path: JUDGE_FLAG_OF_OPTION[String(issue.path[0])],
    reason: `${issue.message} (as graders.${option})`,
  });
}

/**
 * `--judge` / `--base-url`: the judge model and API base URL of every LLM-judge grader
 * (`kind: 'llm-judge'`) in the run that does not choose its own. They fill in the documented
 * option keys `judge` (unless the grader sets `judge` or `judges`) and `baseURL`; a grader's own
 * options in the config win, as the more specific setting. A value the grader's options refuse
 * throws a `ConfigError` naming the flag.
 */
export function applyJudgeFlags(
  setups: readonly GraderSetup[],
  registry: GraderRegistry,
  flags: JudgeFlags,
): { setups: GraderSetup[]; applied: number } {
  let applied = 0;
  const result = setups.map((setup) => {
    if ((!flags.judge && !flags.baseURL) || registry.get(setup.use).kind !== 'llm-judge') return setup;
    applied++;
    const options: Record<string, unknown> = { ...((setup.options as Record<string, unknown>) ?? {}) };
    const filled: string[] = [];
    if (flags.judge && options.judge === undefined && options.judges === undefined) {
      options.judge = flags.judge;
      filled.push('judge');
    }
    if (flags.baseURL && options.baseURL === undefined) {
      options.baseURL = flags.baseURL;
      filled.push('baseURL');
    }
    const judged = { ...setup, options };
    checkFilledOptions(judged, registry, filled);
    return judged;
  });
  return { setups: result, applied };
}

/**
 * What a grade run was started with, stored in a batch run's `batches.json` so that
 * `judgekit batch collect` rebuilds the same graders and inputs in another process. Paths are absolute.
 */
export const GradeRecipeSchema = z.object({
  /** Where the config is searched from when `config` is not given. */
  cwd: z.string(),
  /** The resolved input files. */
  inputs: z.array(z.string()).min(1),
  from: z.string(),
  graders: z.string().optional(),
  config: z.string().optional(),
  cacheDir: z.string().optional(),
  judge: z.string().optional(),
  baseURL: z.string().optional(),
  concurrency: z.number().int().positive().optional(),
  onInvalid: z.enum(['fail', 'skip']).optional(),
});

export type GradeRecipe = z.infer<typeof GradeRecipeSchema>;

/** A grade run ready to start: graders created, inputs resolved and hashed. */
export interface PreparedGradeRun {
  graders: PreparedGrader[];
  context: GraderCreateContext;
  files: string[];
  inputs: ManifestInput[];
  transcripts: () => AsyncGenerator<TranscriptSourceItem>;
  concurrency: number;
  onInvalid: 'fail' | 'skip';
  /** LLM-judge graders `--judge`/`--base-url` applied to (0 with no such flag). */
  judgeFlagsApplied: number;
}

/** Loads the config, resolves and creates the graders and resolves and hashes the inputs of a grade run. */
export async function prepareGradeRun(recipe: GradeRecipe): Promise<PreparedGradeRun> {
  const { config, file, directory } = await loadConfig({ cwd: recipe.cwd, file: recipe.config });
  const registry = await buildRegistry(config, directory);
  const setups = resolveGraderSetups(registry, recipe.graders, { graders: config.graders, file });
  const judged = applyJudgeFlags(setups, registry, { judge: recipe.judge, baseURL: recipe.baseURL });
  const context: GraderCreateContext = {
    env: process.env,
    cwd: directory,
    cacheDir: recipe.cacheDir ?? config.cacheDir,
  };
  const graders = prepareGraders(judged.setups, registry, context);
  const files = await resolveInputs(recipe.inputs);
  const from = recipe.from as TranscriptFormat | 'auto';
  return {
    graders,
    context,
    files,
    inputs: await hashInputs(files),
    transcripts: () => readInputs(files, from),
    concurrency: recipe.concurrency ?? config.concurrency ?? DEFAULT_CONCURRENCY,
    onInvalid: recipe.onInvalid ?? config.onInvalid ?? 'fail',
    judgeFlagsApplied: judged.applied,
  };
}

/** Runs `work` with an abort signal that the first Ctrl-C triggers. */
async function withInterrupt<T>(output: CLIOutput, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = () => {
    output.stderr.write('\nstopping: finishing the work in flight (Ctrl-C again to quit now)\n');
    process.off('SIGINT', onSignal);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', onSignal);
  }
}

/**
 * Grades a prepared run into `runDir` with progress on stderr, then prints the summary (or the
 * summary as JSON); a run stopped by Ctrl-C exits with 130.
 * @param graders the graders to grade with, default the prepared ones (a batch run passes its cache-only judges)
 */
async function gradeAndReport(options: {
  run: PreparedGradeRun;
  runDir: string;
  resume: boolean;
  overwrite: boolean;
  signal: AbortSignal;
  output: CLIOutput;
  json: boolean;
  graders?: PreparedGrader[];
}): Promise<RunSummary> {
  const { run, output } = options;
  const graders = options.graders ?? run.graders;
  const progress = createProgressReporter(output.stderr, await countRecords(run.files));
  const summary = await runGrading({
    runDir: options.runDir,
    transcripts: run.transcripts(),
    graders,
    concurrency: run.concurrency,
    resume: options.resume,
    overwrite: options.overwrite,
    onInvalid: run.onInvalid,
    signal: options.signal,
    inputs: run.inputs,
    versions: { judgekit: CLI_VERSION, node: process.version },
    onProgress: (counts) => progress.update(counts),
  });
  progress.finish();
  if (options.json) writeJSON(output, summary);
  else {
    const { counts } = summary;
    output.stderr.write(
      `${summary.status === 'complete' ? 'graded' : summary.status} ${counts.transcripts} transcript(s) with ` +
        `${graders.length} grader(s): ${counts.verdicts} verdicts (${counts.errors} errors, ` +
        `${counts.abstentions} abstentions), ${counts.findings} findings, ${counts.skipped} skipped, ` +
        `in ${(summary.durationMs / 1000).toFixed(1)}s -> ${summary.runDir}\n`,
    );
  }
  if (summary.status === 'aborted') process.exitCode = 130;
  return summary;
}

/**
 * Collects a batch run (`collectBatchRun`) with Ctrl-C stopping it, and once every request is
 * answered finishes it with `gradeAndReport` (resuming, never overwriting): `judgekit batch collect`,
 * and `grade --batch` when every request was already cached.
 * @param json print the finishing run's summary as JSON (`gradeAndReport`)
 */
export async function collectAndReport(options: {
  run: PreparedGradeRun;
  runDir: string;
  output: CLIOutput;
  json: boolean;
  wait?: boolean;
  /** Between polls with `wait`, in milliseconds. */
  pollIntervalMs?: number;
  onUpdate?: (report: CollectBatchRunReport) => void;
}): Promise<CollectBatchRunReport> {
  const { run, runDir, output } = options;
  return withInterrupt(output, (signal) =>
    collectBatchRun({
      runDir,
      ...run,
      signal,
      wait: options.wait,
      pollIntervalMs: options.pollIntervalMs,
      onUpdate: options.onUpdate,
      finish: (graders) =>
        gradeAndReport({
          run,
          runDir,
          resume: true,
          overwrite: false,
          signal,
          output,
          json: options.json,
          graders,
        }),
    }),
  );
}

/** `judgekit grade`: grades transcripts into a resumable run directory. */
export function registerGradeCommand(program: Command, output: CLIOutput): void {
  program
    .command('grade')
    .description('grade transcripts with the chosen graders into a run directory')
    .argument('<inputs...>', 'files or directories of transcripts (any format `judgekit import` reads)')
    .option(
      '--graders <ids>',
      'comma-separated grader ids or globs, e.g. "rules.*" (default: config `graders`)',
    )
    .requiredOption('--out <runDir>', 'run directory to write (manifest.json, verdicts.jsonl, findings.json)')
    .option(
      '--concurrency <n>',
      `units (transcript × grader) graded at once (default ${DEFAULT_CONCURRENCY})`,
      parseNumberFlag('--concurrency', { min: 1, integer: true }),
    )
    .option('--resume', 'continue the run in --out where it stopped')
    .option('--overwrite', 'replace a run already in --out')
    .addOption(
      new Option('--from <format>', 'input format').choices(['auto', ...TRANSCRIPT_FORMATS]).default('auto'),
    )
    .addOption(
      new Option('--on-invalid <mode>', 'stop at an invalid record, or skip it').choices(['fail', 'skip']),
    )
    .option('--config <file>', 'config file (default: search from the current directory)')
    .option('--cache-dir <dir>', 'LLM-judge response cache (default: your user cache folder)')
    .option(
      '--judge <provider:model>',
      'judge model of every LLM-judge grader that sets none, e.g. openai:gpt-4.1-mini, anthropic:claude-sonnet-4-5, compatible:qwen3:8b',
    )
    .option(
      '--base-url <url>',
      "judge API base URL for every LLM-judge grader that sets none (OpenAI-style URLs end in /v1; Anthropic's do not)",
    )
    .option(
      '--batch',
      'submit the LLM-judge calls through the OpenAI Batch / Anthropic Message Batches API (half price, results within 24 h) and exit; finish with `judgekit batch collect <runDir>`',
    )
    .option(
      '--batch-size <n>',
      `most requests per provider batch with --batch (default ${DEFAULT_MAX_BATCH_REQUESTS})`,
      parseNumberFlag('--batch-size', { min: 1, integer: true }),
    )
    .option('--json', 'print the run summary as JSON')
    .action(async (inputs: string[], options: GradeOptions) => {
      if (options.batch) {
        await submitBatch(inputs, options, output);
        return;
      }
      if (options.resume && (await isBatchRunWaiting(options.out))) {
        throw new ConfigError({
          path: '--resume',
          reason: `${options.out} is a batch run waiting for its batches: finish it with \`judgekit batch collect ${options.out}\` (a plain --resume would pay full price for every call)`,
        });
      }
      const run = await prepareGradeRun({
        cwd: process.cwd(),
        inputs,
        from: options.from,
        graders: options.graders,
        config: options.config,
        cacheDir: options.cacheDir,
        judge: options.judge,
        baseURL: options.baseUrl,
        concurrency: options.concurrency,
        onInvalid: options.onInvalid,
      });
      if ((options.judge || options.baseUrl) && run.judgeFlagsApplied === 0) {
        output.stderr.write('note: --judge/--base-url have no effect: no LLM-judge grader in this run\n');
      }
      if (options.overwrite && !options.resume) await removeBatchRun(options.out);
      await withInterrupt(output, (signal) =>
        gradeAndReport({
          run,
          runDir: options.out,
          resume: options.resume ?? false,
          overwrite: options.overwrite ?? false,
          signal,
          output,
          json: options.json ?? false,
        }),
      );
    });
}

/** `grade --batch`: the submit pass; when every request is already cached, the run is finished at once. */
async function submitBatch(inputs: string[], options: GradeOptions, output: CLIOutput): Promise<void> {
  if (options.resume) {
    throw new ConfigError({
      path: '--batch',
      reason: `a batch run is continued with \`judgekit batch collect ${options.out}\`, not with --resume`,
    });
  }
  const cwd = process.cwd();
  const recipe: GradeRecipe = {
    cwd,
    inputs: (await resolveInputs(inputs)).map((file) => resolve(cwd, file)),
    from: options.from,
    ...(options.graders ? { graders: options.graders } : {}),
    ...(options.config ? { config: resolve(cwd, options.config) } : {}),
    ...(options.cacheDir ? { cacheDir: resolve(cwd, options.cacheDir) } : {}),
    ...(options.judge ? { judge: options.judge } : {}),
    ...(options.baseUrl ? { baseURL: options.baseUrl } : {}),
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.onInvalid ? { onInvalid: options.onInvalid } : {}),
  };
  const run = await prepareGradeRun(recipe);
  const runDir = options.out;
  const report = await withInterrupt(output, (signal) =>
    submitBatchRun({
      runDir,
      ...run,
      signal,
      versions: { judgekit: CLI_VERSION, node: process.version },
      run: recipe,
      overwrite: options.overwrite ?? false,
      ...(options.batchSize ? { maxBatchRequests: options.batchSize } : {}),
    }),
  );
  for (const name of report.unbatched) {
    output.stderr.write(
      `note: ${name} is not an llm-judge.* grader: its calls are made when the run finishes\n`,
    );
  }
  if (report.requests === 0) {
    output.stderr.write(
      `every judge request of ${report.units} unit(s) is already in the response cache: finishing the run now\n`,
    );
    await collectAndReport({ run, runDir, output, json: options.json ?? false });
    return;
  }
  if (options.json) writeJSON(output, report);
  const batches = report.batches
    .map((batch) => `${batch.judge} ${batch.batchId ?? '(nothing sent)'}`)
    .join(', ');
  output.stderr.write(
    `submitted ${report.requests} request(s) for ${report.units} unit(s) of ${report.transcripts} transcript(s) ` +
      `in ${report.batches.length} batch(es): ${batches} -> ${runDir}\n` +
      `check:  judgekit batch status ${runDir}\nfinish: judgekit batch collect ${runDir} [--wait]\n`,
  );
}
