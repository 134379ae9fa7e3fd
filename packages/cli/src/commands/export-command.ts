import { writeInspectScores } from '@judgekit/adapters';
import { ConfigError, readVerdicts } from '@judgekit/core';
import type { Command } from 'commander';
import { type CLIOutput, writeJSON } from '../output/cli-output.js';

interface ExportInspectOptions {
  log: string;
  out: string;
  graders?: string;
  json?: boolean;
}

/** `judgekit export inspect`: writes a run's verdicts back into an Inspect log as `judgekit/<grader>` scores. */
export function registerExportCommand(program: Command, output: CLIOutput): void {
  const exportCommand = program
    .command('export')
    .description("write a run's verdicts into other harnesses' formats");
  exportCommand
    .command('inspect')
    .description(
      "write a run's verdicts into a copy of the Inspect log (.eval or .json) they were graded from, as judgekit/<grader> scores",
    )
    .argument('<runDir>', 'run directory (verdicts.jsonl)')
    .requiredOption('--log <file>', 'the Inspect log the run graded (read, never modified)')
    .requiredOption('--out <file>', 'the log to write, with the judgekit scores added')
    .option('--graders <names>', 'comma-separated grader names to export (default: all in the run)')
    .option('--json', 'print the summary as JSON')
    .action(async (runDir: string, options: ExportInspectOptions) => {
      const all = await readVerdicts(runDir);
      const wanted = options.graders
        ?.split(',')
        .map((name) => name.trim())
        .filter(Boolean);
      const verdicts = wanted ? all.filter((verdict) => wanted.includes(verdict.grader.name)) : all;
      if (verdicts.length === 0) {
        throw new ConfigError({
          path: wanted ? '--graders' : 'runDir',
          reason: wanted
            ? `no verdicts of ${wanted.join(', ')} in ${runDir}; the run has ${[...new Set(all.map((verdict) => verdict.grader.name))].join(', ') || 'none'}`
            : `${runDir} holds no verdicts`,
        });
      }
      const summary = await writeInspectScores({ log: options.log, out: options.out, verdicts });
      if (options.json) {
        writeJSON(output, summary);
        return;
      }
      output.stderr.write(
        `wrote ${summary.scorers.join(', ')} into ${summary.samplesScored} of ${summary.samples} sample(s)` +
          `${summary.resultsUpdated ? ', with results' : ''} -> ${options.out}\n`,
      );
      if (summary.unmatched.length > 0) {
        output.stderr.write(
          `note: ${summary.unmatched.length} transcript(s) of the run are not in this log (e.g. ${summary.unmatched[0]})\n`,
        );
      }
      if (summary.unreadableEntries.length > 0) {
        output.stderr.write(
          `note: unreadable entries copied unscored: ${summary.unreadableEntries.join(', ')}\n`,
        );
      }
    });
}
