import { writeFile } from 'node:fs/promises';
import { readQueueReviews } from '@judgekit/analysis';
import type { Command } from 'commander';
import type { CLIOutput } from '../output/cli-output.js';

/** `judgekit import-reviews`: a reviewed disagreement queue back to gold labels. */
export function registerImportReviewsCommand(program: Command, output: CLIOutput): void {
  program
    .command('import-reviews')
    .description(
      'turn a reviewed disagreement queue (CSV or JSONL from `judgekit agree --queue`) into gold labels',
    )
    .argument('<queueFile>', 'the reviewed queue (.csv, otherwise JSONL)')
    .requiredOption('--annotator <id>', 'annotator id recorded on every imported label')
    .option('--out <file>', 'write the labels JSONL here instead of stdout')
    .action(async (queueFile: string, flags: { annotator: string; out?: string }) => {
      const { gold, unreviewed } = await readQueueReviews(queueFile, flags.annotator);
      const text = gold.map((label) => `${JSON.stringify(label)}\n`).join('');
      if (flags.out) await writeFile(flags.out, text);
      else output.stdout.write(text);
      output.stderr.write(
        `imported ${gold.length} gold label(s) as ${flags.annotator}${unreviewed ? `; ${unreviewed} unreviewed item(s) left out` : ''}\n`,
      );
    });
}
