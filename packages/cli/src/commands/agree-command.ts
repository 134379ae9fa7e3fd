import { writeFile } from 'node:fs/promises';
import { readTranscripts } from '@judgekit/adapters';
import { agreeRuns, formatQueueCSV, formatQueueJSONL, readRatings } from '@judgekit/analysis';
import type { Command } from 'commander';
import { type CLIOutput, writeJSON } from '../output/cli-output.js';
import { parseListFlag, parseNumberFlag } from './analysis-options.js';

interface AgreeFlags {
  ratings?: string[];
  majority?: string[];
  reference?: string;
  withGold?: boolean;
  gold?: string[];
  queue?: string;
  queueLimit?: number;
  resamples?: number;
  seed?: number;
  json?: boolean;
}

/** `judgekit agree`: agreement among the graders of one or more runs, and the disagreement queue. */
export function registerAgreeCommand(program: Command, output: CLIOutput): void {
  program
    .command('agree')
    .description(
      'agreement among graders (and annotators): kappa, alpha, AC1 with CIs, and a disagreement queue',
    )
    .argument('[runDirs...]', 'run directories; graders with the same name in two runs are told apart by run')
    .option(
      '--ratings <files...>',
      'ratings JSONL ({ itemId, rater, value } a line): any other raters to compare',
    )
    .option(
      '--majority <raters>',
      'add a `majority` rater: the most common value of these raters',
      parseListFlag,
    )
    .option(
      '--reference <rater>',
      'compare every rater with this one (e.g. majority), a missing rating counting as a disagreement',
    )
    .option('--with-gold', 'add the gold labels embedded in the graded transcripts as a rater')
    .option(
      '--gold <files...>',
      'labels JSONL files whose annotators join as raters (e.g. a second annotator)',
    )
    .option('--queue <file>', 'write the ranked disagreement queue for human review (.csv, otherwise JSONL)')
    .option(
      '--queue-limit <n>',
      'at most this many queued items',
      parseNumberFlag('--queue-limit', { min: 1, integer: true }),
    )
    .option(
      '--resamples <n>',
      'bootstrap resamples (default 1000)',
      parseNumberFlag('--resamples', { min: 100, integer: true }),
    )
    .option('--seed <n>', 'bootstrap seed (default 0)', parseNumberFlag('--seed', { integer: true }))
    .option('--json', 'print the agreement report (and queue) as JSON')
    .action(async (runDirs: string[], flags: AgreeFlags) => {
      const ratings = (await Promise.all((flags.ratings ?? []).map((file) => readRatings(file)))).flat();
      const { report, queue } = await agreeRuns({
        runDirs,
        ratings,
        ...(flags.majority ? { majorityOf: flags.majority } : {}),
        ...(flags.reference ? { reference: flags.reference } : {}),
        withGold: flags.withGold ?? false,
        goldFiles: flags.gold ?? [],
        readTranscripts: (file) => readTranscripts(file),
        ...(flags.queueLimit === undefined ? {} : { queueLimit: flags.queueLimit }),
        ...(flags.resamples === undefined ? {} : { resamples: flags.resamples }),
        ...(flags.seed === undefined ? {} : { seed: flags.seed }),
      });
      if (flags.queue) {
        const csv = flags.queue.toLowerCase().endsWith('.csv');
        await writeFile(flags.queue, csv ? formatQueueCSV(queue) : formatQueueJSONL(queue));
        output.stderr.write(
          `wrote ${queue.length} queued item(s) to ${flags.queue}; fill in review_label, then ` +
            `\`judgekit import-reviews ${flags.queue} --annotator <you>\`\n`,
        );
      }
      if (flags.json) writeJSON(output, { ...report, queue });
      else {
        const { formatAgreementText } = await import('@judgekit/report');
        output.stdout.write(formatAgreementText(report, queue));
      }
    });
}
