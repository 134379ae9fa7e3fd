import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { benchTranscript } from '@judgekit/fixtures';

/**
 * Streams `count` generated transcripts (the rule bench's realistic generator: shell, SQL, email and
 * scanner output, a share of violations, false claims and eval-awareness) to a JSONL file, never
 * holding more than one in memory. Returns the file's size in bytes.
 */
export async function writeCorpus(path: string, count: number): Promise<number> {
  const stream = createWriteStream(path);
  for (let index = 0; index < count; index++) {
    if (!stream.write(`${JSON.stringify(benchTranscript(index))}\n`)) {
      await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
    }
  }
  await new Promise<void>((resolve) => stream.end(() => resolve()));
  return (await stat(path)).size;
}
