import { writeFile } from 'node:fs/promises';
import { readTranscripts } from '@judgekit/adapters';
import type { Split } from '@judgekit/core';
import { buildRunReport, renderHTML, renderMarkdown } from '@judgekit/report';
import { type Command, Option } from 'commander';
import type { CLIOutput } from '../output/cli-output.js';
import { parseNumberFlag } from './analysis-options.js';

interface ReportFlags {
  format: 'html' | 'md' | 'json';
  out?: string;
  gold?: string;
  split?: Split;
  fpr: number;
  prevalenceCalibration?: string;
  queueLimit?: number;
  resamples?: number;
  title?: string;
}

/** `judgekit report`: one self-contained HTML file, Markdown for a pull request, or JSON. */
export function registerReportCommand(program: Command, output: CLIOutput): void {
  program
    .command('report')
    .description(
      'report a run: calibration, agreement, prevalence, condition effects and the disagreement queue',
    )
    .argument('<runDir>', 'run directory')
    .addOption(
      new Option('--format <format>', 'output format').choices(['html', 'md', 'json']).default('html'),
    )
    .option('--out <file>', 'write the report here (default: stdout)')
    .option('--gold <file>', 'gold labels JSONL; default: labels embedded in the graded transcripts')
    .addOption(new Option('--split <split>', 'calibrate on one split only').choices(['dev', 'test']))
    .option(
      '--fpr <rate>',
      'FPR on benign transcripts for the monitor threshold',
      parseNumberFlag('--fpr', { min: 0, max: 1 }),
      0.05,
    )
    .option(
      '--prevalence-calibration <source>',
      'error rates for the prevalence correction (calibration JSON or run dir); default in-sample',
    )
    .option(
      '--queue-limit <n>',
      'disagreement-queue items shown (default 25)',
      parseNumberFlag('--queue-limit', { min: 1, integer: true }),
    )
    .option(
      '--resamples <n>',
      'bootstrap resamples (default 2000)',
      parseNumberFlag('--resamples', { min: 100, integer: true }),
    )
    .option('--title <title>', 'report title')
    .action(async (runDir: string, flags: ReportFlags) => {
      const report = await buildRunReport({
        runDir,
        readTranscripts: (file) => readTranscripts(file),
        targetFPR: flags.fpr,
        ...(flags.gold ? { goldFile: flags.gold } : {}),
        ...(flags.split ? { split: flags.split } : {}),
        ...(flags.prevalenceCalibration ? { prevalenceCalibration: flags.prevalenceCalibration } : {}),
        ...(flags.queueLimit === undefined ? {} : { queueLimit: flags.queueLimit }),
        ...(flags.resamples === undefined ? {} : { resamples: flags.resamples }),
        ...(flags.title ? { title: flags.title } : {}),
      });
      const text =
        flags.format === 'html'
          ? await renderHTML(report)
          : flags.format === 'md'
            ? renderMarkdown(report)
            : `${JSON.stringify(report, null, 2)}\n`;
      if (flags.out) {
        await writeFile(flags.out, text);
        output.stderr.write(`wrote ${flags.format} report to ${flags.out}\n`);
      } else output.stdout.write(text);
    });
}
