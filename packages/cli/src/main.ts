import { JudgekitError } from '@judgekit/core';
import { Command, CommanderError } from 'commander';
import { registerAgreeCommand } from './commands/agree-command.js';
import { registerBatchCommand } from './commands/batch-command.js';
import { registerCalibrateCommand } from './commands/calibrate-command.js';
import { registerCompareCommand } from './commands/compare-command.js';
import { registerExportCommand } from './commands/export-command.js';
import { registerFixturesCommand } from './commands/fixtures-command.js';
import { registerGradeCommand } from './commands/grade-command.js';
import { registerGradersCommand } from './commands/graders-command.js';
import { registerImportCommand } from './commands/import-command.js';
import { registerImportReviewsCommand } from './commands/import-reviews-command.js';
import { registerPrevalenceCommand } from './commands/prevalence-command.js';
import { registerReportCommand } from './commands/report-command.js';
import { registerServeCommand } from './commands/serve-command.js';
import type { CLIOutput } from './output/cli-output.js';
import { isClosedPipeError } from './output/closed-pipe.js';
import { CLI_VERSION } from './version.js';

const EXIT_CODES: Record<string, number> = {
  CONFIG: 2,
  UNKNOWN_GRADER: 2,
  PLUGIN_LOAD: 2,
  INVALID_TRANSCRIPT: 3,
  RUN_DIR: 4,
};

const HINTS: Record<string, string> = {
  CONFIG: 'check the named field in your config or flags; `judgekit --help` lists the flags',
  UNKNOWN_GRADER: 'run `judgekit graders` to list the installed graders',
  PLUGIN_LOAD: 'is the plugin installed in this project, and does it export a judgekit.grader/v1 plugin?',
  INVALID_TRANSCRIPT: 'fix the record, or pass --on-invalid skip to skip invalid records (they are counted)',
};

/** Builds the `judgekit` program. */
export function createProgram(output: CLIOutput): Command {
  const program = new Command('judgekit')
    .description('Grade AI-agent transcripts for scheming, and know how far to trust the grades.')
    .version(CLI_VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => output.stdout.write(text),
      writeErr: (text) => output.stderr.write(text),
    })
    .exitOverride();
  registerImportCommand(program, output);
  registerGradeCommand(program, output);
  registerBatchCommand(program, output);
  registerGradersCommand(program, output);
  registerFixturesCommand(program, output);
  registerCalibrateCommand(program, output);
  registerAgreeCommand(program, output);
  registerCompareCommand(program, output);
  registerImportReviewsCommand(program, output);
  registerPrevalenceCommand(program, output);
  registerReportCommand(program, output);
  registerServeCommand(program, output);
  registerExportCommand(program, output);
  return program;
}

/**
 * Runs the CLI and returns its exit status. Errors become one clear line plus a hint;
 * set JUDGEKIT_DEBUG=1 for stack traces.
 */
export async function main(argv: readonly string[], output: CLIOutput): Promise<number> {
  const program = createProgram(output);
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (isClosedPipeError(error)) return 0;
    if (process.env.JUDGEKIT_DEBUG) output.stderr.write(`${(error as Error).stack}\n`);
    if (JudgekitError.isInstance(error)) {
      output.stderr.write(`judgekit: ${error.message}\n`);
      const hint = HINTS[error.code];
      if (hint) output.stderr.write(`hint: ${hint}\n`);
      return EXIT_CODES[error.code] ?? 1;
    }
    output.stderr.write(`judgekit: ${(error as Error)?.message ?? String(error)}\n`);
    return 1;
  }
}
