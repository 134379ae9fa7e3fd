import { JudgekitError } from '@judgekit/core';
import { Command, CommanderError } from 'commander';
import type { CLIOutput } from './output/cli-output.js';
import { isClosedPipeError } from './output/closed-pipe.js';
import { CLI_VERSION } from './version.js';

/** Adds one command to the program. */
type RegisterCommand = (program: Command, output: CLIOutput) => void;

/**
 * Every command by name, in the order help lists them, with a loader of the module that registers
 * it. Each module pulls in heavy packages (report, analysis, the graders, the LLM SDKs), so a run
 * loads only the one it names.
 */
const COMMAND_LOADERS: ReadonlyMap<string, () => Promise<RegisterCommand>> = new Map([
  ['import', async () => (await import('./commands/import-command.js')).registerImportCommand],
  ['grade', async () => (await import('./commands/grade-command.js')).registerGradeCommand],
  ['batch', async () => (await import('./commands/batch-command.js')).registerBatchCommand],
  ['graders', async () => (await import('./commands/graders-command.js')).registerGradersCommand],
  ['fixtures', async () => (await import('./commands/fixtures-command.js')).registerFixturesCommand],
  ['calibrate', async () => (await import('./commands/calibrate-command.js')).registerCalibrateCommand],
  ['agree', async () => (await import('./commands/agree-command.js')).registerAgreeCommand],
  ['compare', async () => (await import('./commands/compare-command.js')).registerCompareCommand],
  [
    'import-reviews',
    async () => (await import('./commands/import-reviews-command.js')).registerImportReviewsCommand,
  ],
  ['prevalence', async () => (await import('./commands/prevalence-command.js')).registerPrevalenceCommand],
  ['report', async () => (await import('./commands/report-command.js')).registerReportCommand],
  ['serve', async () => (await import('./commands/serve-command.js')).registerServeCommand],
  ['export', async () => (await import('./commands/export-command.js')).registerExportCommand],
]);

/**
 * The loaders a run with `argv` needs: none for `--version` or `-V` alone (commander prints the
 * version before it looks at a command); the command's alone when `argv` starts with its name; else
 * every one, so that help and the unknown-command error see all commands. Only the
 * first word counts: a command named after an option can be the program's to handle (`--help grade`
 * prints the program's help).
 */
function commandLoadersFor(argv: readonly string[]): Array<() => Promise<RegisterCommand>> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) return [];
  const named = argv[0] === undefined ? undefined : COMMAND_LOADERS.get(argv[0]);
  return named ? [named] : [...COMMAND_LOADERS.values()];
}

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

/**
 * Builds the `judgekit` program for `argv`: with no command for `--version` or `-V` alone, with only
 * the command `argv` starts with, or with every command (no command, help, an unknown word).
 * @param argv the arguments after `judgekit`, default none (every command)
 */
export async function createProgram(output: CLIOutput, argv: readonly string[] = []): Promise<Command> {
  const program = new Command('judgekit')
    .description('Grade AI-agent transcripts for scheming, and know how far to trust the grades.')
    .version(CLI_VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => output.stdout.write(text),
      writeErr: (text) => output.stderr.write(text),
    })
    .exitOverride();
  const registers = await Promise.all(commandLoadersFor(argv).map((load) => load()));
  for (const register of registers) register(program, output);
  return program;
}

/**
 * Runs the CLI and returns its exit status. Errors become one clear line plus a hint;
 * set JUDGEKIT_DEBUG=1 for stack traces.
 */
export async function main(argv: readonly string[], output: CLIOutput): Promise<number> {
  try {
    const program = await createProgram(output, argv);
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
