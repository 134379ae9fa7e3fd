import { ConfigError, RunDirError } from '@judgekit/core';
import {
  type BatchStatusRow,
  batchRunStatus,
  type CollectBatchRunReport,
  readBatchRun,
} from '@judgekit/grader-llm-judge';
import type { Command } from 'commander';
import { type CLIOutput, formatTable, writeJSON } from '../output/cli-output.js';
import { collectAndReport, GradeRecipeSchema, prepareGradeRun } from './grade-command.js';

interface CollectOptions {
  wait?: boolean;
  pollInterval: number;
  json?: boolean;
}

function seconds(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) {
    throw new ConfigError({ path: '--poll-interval', reason: `expected seconds > 0, got "${value}"` });
  }
  return parsed;
}

function describeBatch(row: BatchStatusRow): string {
  return `${row.id} ${row.judge} ${row.batchId ?? '(no provider id)'}`;
}

function progressOf(row: BatchStatusRow): string {
  if (!row.counts) return row.providerPhase ?? row.phase;
  const { total, succeeded, failed } = row.counts;
  return `${row.providerPhase ?? row.phase}, ${succeeded + failed}/${total} done`;
}

/** `judgekit batch status|collect <runDir>`: check on and finish a run started with `judgekit grade --batch`. */
export function registerBatchCommand(program: Command, output: CLIOutput): void {
  const batch = program
    .command('batch')
    .description('check on and finish a run started with `judgekit grade --batch`');

  batch
    .command('status')
    .description("each batch of the run: the provider's status and counts")
    .argument('<runDir>', 'run directory of `judgekit grade --batch`')
    .option('--json', 'print the status as JSON')
    .action(async (runDir: string, options: { json?: boolean }) => {
      const status = await batchRunStatus(runDir, process.env);
      if (options.json) {
        writeJSON(output, status);
        return;
      }
      const rows = status.batches.map((row) => [
        row.id,
        row.judge,
        row.batchId ?? '-',
        row.providerPhase ? `${row.phase} (${row.providerPhase})` : row.phase,
        String(row.requests),
        row.counts ? String(row.counts.succeeded) : '-',
        row.counts ? String(row.counts.failed) : '-',
        row.counts ? String(row.counts.processing) : '-',
        row.submittedAt ?? '-',
      ]);
      output.stdout.write(
        `${formatTable(['batch', 'judge', 'provider id', 'phase', 'requests', 'succeeded', 'failed', 'processing', 'submitted'], rows)}\n`,
      );
      output.stdout.write(
        status.finishedAt
          ? `finished at ${status.finishedAt}\n`
          : `not finished: judgekit batch collect ${runDir} [--wait]\n`,
      );
    });

  batch
    .command('collect')
    .description(
      'collect finished batches into the response cache, resubmit failed requests, and write the verdicts once every request is answered',
    )
    .argument('<runDir>', 'run directory of `judgekit grade --batch`')
    .option('--wait', 'poll until every batch is done and the run is finished')
    .option('--poll-interval <seconds>', 'seconds between polls with --wait', seconds, 60)
    .option('--json', 'print what was collected (and the run summary) as JSON')
    .action(async (runDir: string, options: CollectOptions) => {
      const stored = await readBatchRun(runDir);
      if (!stored)
        throw new RunDirError({
          runDir,
          reason: 'it holds no batches.json: it was not started with grade --batch',
        });
      const recipe = GradeRecipeSchema.safeParse(stored.run);
      if (!recipe.success)
        throw new RunDirError({ runDir, reason: 'batches.json does not say how the run was started' });
      const run = await prepareGradeRun(recipe.data);
      const shown = { collected: 0, rounds: 0 };
      const show = (report: CollectBatchRunReport) => {
        for (const row of report.collected.slice(shown.collected)) {
          const cost = row.costUSD === null ? '' : ` ($${row.costUSD.toFixed(4)} at the batch price)`;
          output.stderr.write(
            `collected ${describeBatch(row)}: ${row.counts?.succeeded ?? 0} succeeded, ${row.counts?.failed ?? 0} failed${cost}\n`,
          );
        }
        shown.collected = report.collected.length;
        for (const round of report.resubmitted.slice(shown.rounds)) {
          output.stderr.write(
            `resubmitted ${round.requests} request(s) still without a response as round ${round.round}: ${round.batches.map((entry) => `${entry.id} ${entry.judge} ${entry.batchId ?? '(nothing sent)'}`).join(', ')}\n`,
          );
        }
        shown.rounds = report.resubmitted.length;
        if (report.running.length > 0) {
          output.stderr.write(
            `waiting for ${report.running.length} batch(es): ${report.running.map((row) => `${describeBatch(row)} (${progressOf(row)})`).join(', ')}\n`,
          );
        }
      };
      const report = await collectAndReport({
        run,
        runDir,
        output,
        json: false,
        wait: options.wait ?? false,
        pollIntervalMs: options.pollInterval * 1000,
        onUpdate: options.json ? undefined : show,
      });
      if (options.json) {
        writeJSON(output, report);
        return;
      }
      if (report.finishedAt) {
        output.stderr.write(`${runDir} was finished at ${report.finishedAt}: nothing to collect\n`);
        return;
      }
      show({ ...report, running: [] });
      if (report.exhausted > 0) {
        output.stderr.write(
          `note: ${report.exhausted} request(s) got no response in ${stored.maxAttempts} batch(es) each: their units have error verdicts\n`,
        );
      }
      if (!report.finished && !report.summary) {
        output.stderr.write(
          `not finished: run \`judgekit batch collect ${runDir}\` again later, or add --wait\n`,
        );
      }
    });
}
