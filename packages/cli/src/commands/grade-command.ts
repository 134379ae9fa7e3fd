import type { TranscriptFormat } from '@judgekit/adapters';
import { type GraderRegistry, type GraderSetup, prepareGraders, runGrading } from '@judgekit/core';
import { type Command, Option } from 'commander';
import { loadConfig } from '../config/load-config.js';
import { buildRegistry, resolveGraderSetups } from '../config/resolve-graders.js';
import { countRecords } from '../inputs/count-records.js';
import { hashInputs } from '../inputs/hash-inputs.js';
import { readInputs } from '../inputs/read-inputs.js';
import { resolveInputs } from '../inputs/resolve-inputs.js';
import { type CLIOutput, writeJSON } from '../output/cli-output.js';
import { createProgressReporter } from '../output/progress-reporter.js';
import { CLI_VERSION } from '../version.js';

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
  json?: boolean;
}

/** Run-wide judge settings from `--judge` and `--base-url`. */
export interface JudgeFlags {
  judge?: string | undefined;
  baseURL?: string | undefined;
}

/**
 * `--judge` / `--base-url`: the judge model and API base URL of every LLM-judge grader
 * (`kind: 'llm-judge'`) in the run that does not choose its own. They fill in the documented
 * option keys `judge` (unless the grader sets `judge` or `judges`) and `baseURL`; a grader's own
 * options in the config win, as the more specific setting.
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
    if (flags.judge && options.judge === undefined && options.judges === undefined)
      options.judge = flags.judge;
    if (flags.baseURL && options.baseURL === undefined) options.baseURL = flags.baseURL;
    return { ...setup, options };
  });
  return { setups: result, applied };
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
    .option('--concurrency <n>', 'units graded at once (default 8)', (value) => Number.parseInt(value, 10))
    .option('--resume', 'continue the run in --out where it stopped')
    .option('--overwrite', 'replace a run already in --out')
    .addOption(new Option('--from <format>', 'input format').default('auto'))
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
    .option('--json', 'print the run summary as JSON')
    .action(async (inputs: string[], options: GradeOptions) => {
      const { config, directory } = await loadConfig({ cwd: process.cwd(), file: options.config });
      const registry = await buildRegistry(config, directory);
      const judged = applyJudgeFlags(
        resolveGraderSetups(registry, options.graders, config.graders),
        registry,
        {
          judge: options.judge,
          baseURL: options.baseUrl,
        },
      );
      if ((options.judge || options.baseUrl) && judged.applied === 0) {
        output.stderr.write('note: --judge/--base-url have no effect: no LLM-judge grader in this run\n');
      }
      const setups = judged.setups;
      const graders = prepareGraders(setups, registry, {
        env: process.env,
        cwd: directory,
        cacheDir: options.cacheDir ?? config.cacheDir,
      });
      const files = await resolveInputs(inputs);
      const controller = new AbortController();
      const onSignal = () => {
        output.stderr.write('\nstopping: finishing the units in flight (Ctrl-C again to quit now)\n');
        process.off('SIGINT', onSignal);
        controller.abort();
      };
      process.on('SIGINT', onSignal);
      const progress = createProgressReporter(output.stderr, await countRecords(files));
      try {
        const summary = await runGrading({
          runDir: options.out,
          transcripts: readInputs(files, options.from),
          graders,
          concurrency: options.concurrency ?? config.concurrency ?? 8,
          resume: options.resume ?? false,
          overwrite: options.overwrite ?? false,
          onInvalid: options.onInvalid ?? config.onInvalid ?? 'fail',
          signal: controller.signal,
          inputs: await hashInputs(files),
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
      } finally {
        process.off('SIGINT', onSignal);
      }
    });
}
