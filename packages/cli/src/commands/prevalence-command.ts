import { readTranscripts } from '@judgekit/adapters';
import { prevalenceRun } from '@judgekit/analysis';
import { type Command, Option } from 'commander';
import { type CLIOutput, writeJSON } from '../output/cli-output.js';
import { parseNumberFlag } from './analysis-options.js';

interface PrevalenceFlags {
  calibration: string;
  grader?: string;
  dimension?: string;
  calibrationGrader?: string;
  gold?: string;
  method?: 'lang-reiczigel' | 'delta' | 'bootstrap';
  level?: number;
  json?: boolean;
}

/** `judgekit prevalence`: the true rate of a behaviour in a run, corrected for the grader's errors. */
export function registerPrevalenceCommand(program: Command, output: CLIOutput): void {
  program
    .command('prevalence')
    .description(
      "estimate the true rate of a behaviour in a run: naive flag rate vs corrected for the grader's errors",
    )
    .argument('<runDir>', 'the run whose rate to estimate')
    .requiredOption(
      '--calibration <source>',
      'calibration JSON (`judgekit calibrate --out`) or a gold-labelled run directory with the same grader',
    )
    .option('--grader <name>', 'only this grader (default: every grader the calibration covers)')
    .option('--dimension <dimension>', 'only this dimension')
    .option('--calibration-grader <name>', 'the grader’s name in the calibration, when it differs')
    .option(
      '--gold <file>',
      'gold labels for part of this run (PPI++); default: labels embedded in its transcripts',
    )
    .addOption(
      new Option('--method <method>', 'Rogan-Gladen interval').choices([
        'lang-reiczigel',
        'delta',
        'bootstrap',
      ]),
    )
    .option(
      '--level <level>',
      'confidence level (default 0.95)',
      parseNumberFlag('--level', { min: 0.5, max: 0.999 }),
    )
    .option('--json', 'print the prevalence reports as JSON')
    .action(async (runDir: string, flags: PrevalenceFlags) => {
      const reports = await prevalenceRun({
        runDir,
        calibration: flags.calibration,
        readTranscripts: (file) => readTranscripts(file),
        ...(flags.grader ? { grader: flags.grader } : {}),
        ...(flags.dimension ? { dimension: flags.dimension } : {}),
        ...(flags.calibrationGrader ? { calibrationGrader: flags.calibrationGrader } : {}),
        ...(flags.gold ? { goldFile: flags.gold } : {}),
        ...(flags.method ? { method: flags.method } : {}),
        ...(flags.level === undefined ? {} : { level: flags.level }),
      });
      if (flags.json) writeJSON(output, reports);
      else {
        const { formatPrevalenceText } = await import('@judgekit/report');
        output.stdout.write(formatPrevalenceText(reports));
      }
    });
}
