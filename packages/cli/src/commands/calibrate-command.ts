import { writeFile } from 'node:fs/promises';
import { readTranscripts } from '@judgekit/adapters';
import { calibrateRun } from '@judgekit/analysis';
import type { Split } from '@judgekit/core';
import { type Command, Option } from 'commander';
import { type CLIOutput, writeJSON } from '../output/cli-output.js';
import { parseListFlag, parseNumberFlag } from './analysis-options.js';

interface CalibrateFlags {
  gold?: string;
  annotator?: string;
  split?: Split;
  targetPrecision?: number;
  targetRecall?: number;
  fpr: number;
  by?: string[];
  resamples?: number;
  seed?: number;
  json?: boolean;
  out?: string;
}

/** `judgekit calibrate`: every grader of a run against gold labels. */
export function registerCalibrateCommand(program: Command, output: CLIOutput): void {
  program
    .command('calibrate')
    .description(
      'measure each grader of a run against gold labels: confusion matrix, metrics with CIs, thresholds',
    )
    .argument('<runDir>', 'run directory (from `judgekit grade`)')
    .option(
      '--gold <file>',
      'labels JSONL (core GoldLabel); default: the labels embedded in the graded transcripts',
    )
    .option('--annotator <id>', "use this annotator's labels when several labelled the same items")
    .addOption(new Option('--split <split>', 'report on one split only').choices(['dev', 'test']))
    .option(
      '--target-precision <p>',
      'report the threshold reaching this precision',
      parseNumberFlag('--target-precision', { min: 0, max: 1 }),
    )
    .option(
      '--target-recall <r>',
      'report the threshold reaching this recall',
      parseNumberFlag('--target-recall', { min: 0, max: 1 }),
    )
    .option(
      '--fpr <rate>',
      'false-positive rate allowed on benign transcripts for the monitor threshold',
      parseNumberFlag('--fpr', { min: 0, max: 1 }),
      0.05,
    )
    .option(
      '--by <keys>',
      'breakdowns: category,environment,view,condition,metadata.<key> (default category,environment,view)',
      parseListFlag,
    )
    .option(
      '--resamples <n>',
      'bootstrap resamples (default 2000)',
      parseNumberFlag('--resamples', { min: 100, integer: true }),
    )
    .option('--seed <n>', 'bootstrap seed (default 0)', parseNumberFlag('--seed', { integer: true }))
    .option('--json', 'print the calibration report as JSON')
    .option(
      '--out <file>',
      'also write the JSON report to this file (input of `judgekit prevalence --calibration`)',
    )
    .action(async (runDir: string, flags: CalibrateFlags) => {
      const { report } = await calibrateRun({
        runDir,
        readTranscripts: (file) => readTranscripts(file),
        targetFPR: flags.fpr,
        ...(flags.gold ? { goldFile: flags.gold } : {}),
        ...(flags.annotator ? { annotator: flags.annotator } : {}),
        ...(flags.split ? { split: flags.split } : {}),
        ...(flags.targetPrecision === undefined ? {} : { targetPrecision: flags.targetPrecision }),
        ...(flags.targetRecall === undefined ? {} : { targetRecall: flags.targetRecall }),
        ...(flags.by ? { breakdowns: flags.by } : {}),
        ...(flags.resamples === undefined ? {} : { resamples: flags.resamples }),
        ...(flags.seed === undefined ? {} : { seed: flags.seed }),
      });
      if (flags.out) await writeFile(flags.out, `${JSON.stringify(report, null, 2)}\n`);
      if (flags.json) writeJSON(output, report);
      else {
        const { formatCalibrationText } = await import('@judgekit/report');
        output.stdout.write(formatCalibrationText(report));
      }
    });
}
