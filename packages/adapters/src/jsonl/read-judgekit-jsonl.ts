import { createIdMap, type TranscriptSourceItem } from '@judgekit/core';
import { parseLenientJson } from '../io/lenient-json.js';
import { type ReadLinesOptions, readLineBatches } from '../io/read-lines.js';
import { invalidItem, transcriptItem } from '../records/source-items.js';
import { firstUnknownField } from './unknown-fields.js';

/**
 * Reads judgekit's own JSONL (one `Transcript` per line), streaming: the file is never held in
 * memory whole. Blank lines are skipped. A line that is not UTF-8, not JSON, not a valid
 * transcript, or that has a field a transcript does not have (which would otherwise be lost)
 * becomes an error item naming the line and the path; the lines after it are still read. A
 * transcript id seen on an earlier line is an error item too; the first one is kept (ids are
 * remembered as 64-bit hashes, so memory stays flat per transcript; see core's `IdMap`).
 */
export async function* readJudgekitJsonl(
  file: string,
  options: ReadLinesOptions = {},
): AsyncGenerator<TranscriptSourceItem> {
  // the line each id was first seen on, in flat memory (24 bytes per id, not the id string itself)
  const firstLines = createIdMap();
  // lines a chunk at a time: an async step per transcript, not one more per line as well
  for await (const batch of readLineBatches(file, options))
    for (const entry of batch) {
      const location = { file, line: entry.line };
      if ('error' in entry) {
        yield invalidItem(location, entry.error);
        continue;
      }
      if (entry.text.trim() === '') continue;
      let record: unknown;
      try {
        record = parseLenientJson(entry.text);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        yield invalidItem(location, `not JSON (${message})`, { cause: error });
        continue;
      }
      if (typeof record !== 'object' || record === null || Array.isArray(record)) {
        yield invalidItem(location, 'a line must hold one transcript object');
        continue;
      }
      const unknown = firstUnknownField(record as Record<string, unknown>);
      if (unknown !== undefined) {
        yield invalidItem(
          location,
          'unknown field: not part of a judgekit transcript (is this another format?)',
          {
            path: unknown,
          },
        );
        continue;
      }
      const item = transcriptItem(record, location);
      if (item.ok) {
        const first = firstLines.get(item.transcript.id);
        if (first !== undefined) {
          yield invalidItem(
            location,
            `duplicate transcript id "${item.transcript.id}" (first on line ${first})`,
            {
              path: 'id',
            },
          );
          continue;
        }
        firstLines.set(item.transcript.id, entry.line);
      }
      yield item;
    }
}
