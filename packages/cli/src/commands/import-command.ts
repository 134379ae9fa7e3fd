import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { TRANSCRIPT_FORMATS, type TranscriptFormat } from '@judgekit/adapters';
import { type Command, Option } from 'commander';
import { readInputs } from '../inputs/read-inputs.js';
import { resolveInputs } from '../inputs/resolve-inputs.js';
import type { CLIOutput } from '../output/cli-output.js';

/** `judgekit import`: converts other harnesses' logs to judgekit JSONL. */
export function registerImportCommand(program: Command, output: CLIOutput): void {
  program
    .command('import')
    .description('convert transcripts (Inspect logs, OpenAI/Anthropic messages, JSONL) to judgekit JSONL')
    .argument('<inputs...>', 'files or directories to read')
    .addOption(
      new Option('--from <format>', 'input format').choices(['auto', ...TRANSCRIPT_FORMATS]).default('auto'),
    )
    .option('--out <file>', 'write JSONL here instead of stdout')
    .addOption(
      new Option('--on-invalid <mode>', 'stop at an invalid record, or skip it')
        .choices(['fail', 'skip'])
        .default('fail'),
    )
    .action(
      async (
        inputs: string[],
        options: { from: TranscriptFormat | 'auto'; out?: string; onInvalid: 'fail' | 'skip' },
      ) => {
        const files = await resolveInputs(inputs);
        const sink = options.out ? createWriteStream(options.out) : output.stdout;
        let written = 0;
        let skipped = 0;
        for await (const item of readInputs(files, options.from)) {
          if (!item.ok) {
            if (options.onInvalid === 'fail') throw item.error;
            skipped++;
            output.stderr.write(`skipped: ${item.error.message}\n`);
            continue;
          }
          if (!sink.write(`${JSON.stringify(item.transcript)}\n`)) await once(sink, 'drain');
          written++;
        }
        if (options.out) {
          sink.end();
          await once(sink, 'finish');
        }
        output.stderr.write(
          `imported ${written} transcript(s)${skipped ? `, skipped ${skipped} invalid` : ''}\n`,
        );
      },
    );
}
