import { createReadStream } from 'node:fs';

/**
 * Counts records up front so progress can show an ETA: newline-terminated lines of `.jsonl`
 * files. Returns `undefined` when any input is another format (its count is unknown until read).
 */
export async function countRecords(files: readonly string[]): Promise<number | undefined> {
  if (!files.every((file) => file.endsWith('.jsonl'))) return undefined;
  let total = 0;
  for (const file of files) {
    let last = 10;
    for await (const chunk of createReadStream(file)) {
      const bytes = chunk as Buffer;
      for (let index = 0; index < bytes.length; index++) {
        const byte = bytes[index]!;
        if (byte === 10 && last !== 10) total++;
        last = byte;
      }
    }
    if (last !== 10) total++;
  }
  return total;
}
