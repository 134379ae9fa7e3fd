import { stat } from 'node:fs/promises';
import { createIdSet, type TranscriptSourceItem } from '@judgekit/core';
import { readAnthropicConversations } from './anthropic/read-anthropic-conversations.js';
import { detectFormat, listInputFiles } from './detect-format.js';
import { readInspectLog } from './inspect/read-inspect-log.js';
import { readJudgekitJsonl } from './jsonl/read-judgekit-jsonl.js';
import { readOpenAIConversations } from './openai/read-openai-conversations.js';
import { invalidItem } from './records/source-items.js';
import { TRANSCRIPT_FORMATS, type TranscriptFormat } from './transcript-format.js';

/** Options of `readTranscripts`. */
export interface ReadTranscriptsOptions {
  /** The input format, or `auto` (default) to detect it per file; another value throws a `TypeError`. */
  from?: TranscriptFormat | 'auto';
}

const READERS: Record<TranscriptFormat, (file: string) => AsyncIterable<TranscriptSourceItem>> = {
  jsonl: readJudgekitJsonl,
  inspect: readInspectLog,
  openai: readOpenAIConversations,
  anthropic: readAnthropicConversations,
};

/** The reader for one file, or an error item when its format cannot be told. */
async function readerOf(
  file: string,
  from: TranscriptFormat | 'auto',
): Promise<AsyncIterable<TranscriptSourceItem> | Iterable<TranscriptSourceItem>> {
  const format = from === 'auto' ? await detectFormat(file) : from;
  if (format === undefined) {
    return [
      invalidItem(
        { file },
        `cannot tell the format of this file; pass one of ${TRANSCRIPT_FORMATS.join(', ')} explicitly`,
      ),
    ];
  }
  return READERS[format](file);
}

/**
 * Reads transcripts from a file or a directory (recursively: `.jsonl`, `.ndjson`, `.json`, `.eval`
 * files in name order) in one of the supported formats, or detecting each file's format. Yields
 * one item per record: a transcript, or an `InvalidTranscriptError` naming the file, line or
 * entry, the path inside the record and the reason — invalid records never stop the read. A
 * transcript whose id was already read becomes an error item; the first one is kept. Throws only
 * when the path cannot be read at all.
 *
 * @example
 * for await (const item of readTranscripts('logs/', { from: 'auto' })) {
 *   if (item.ok) console.log(item.transcript.id);
 *   else console.error(item.error.message);
 * }
 */
export async function* readTranscripts(
  path: string,
  options: ReadTranscriptsOptions = {},
): AsyncGenerator<TranscriptSourceItem> {
  const from = options.from ?? 'auto';
  if (from !== 'auto' && !TRANSCRIPT_FORMATS.includes(from)) {
    throw new TypeError(
      `unknown format "${from}" in option \`from\`; accepted: auto, ${TRANSCRIPT_FORMATS.join(', ')}`,
    );
  }
  const files = (await stat(path)).isDirectory() ? await listInputFiles(path) : [path];
  // Compact hash sets (16 bytes an id), so a stream of millions of transcripts stays in flat memory.
  const seen = createIdSet();
  for (const file of files) {
    const inThisFile = createIdSet();
    // the file's reader is iterated here directly: a wrapping generator costs an async step per item
    for await (const item of await readerOf(file, from)) {
      if (!item.ok) {
        yield item;
        continue;
      }
      const { transcript } = item;
      if (!seen.add(transcript.id)) {
        const where = inThisFile.has(transcript.id) ? 'earlier in this file' : 'in an earlier file';
        yield invalidItem({ file }, `duplicate transcript id "${transcript.id}" (first read ${where})`, {
          path: 'id',
        });
        continue;
      }
      inThisFile.add(transcript.id);
      yield item;
    }
  }
}
