import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { TranscriptSourceItem } from '@judgekit/core';
import { decodeUtf8 } from '../io/decode-utf8.js';
import { parseLenientJson } from '../io/lenient-json.js';
import { readLines } from '../io/read-lines.js';
import { isRecord } from '../records/message-draft.js';
import { errorToItem, invalidItem, type RecordLocation } from '../records/source-items.js';
import type { ConversationContext } from './conversation-record.js';

/** Maps one conversation record to a transcript item; `path` prefixes issue paths. */
export type ConversationMapper = (
  conversation: unknown,
  context: ConversationContext & { path: readonly (string | number)[]; location: RecordLocation },
) => TranscriptSourceItem;

const LINE_EXTENSIONS = /\.(jsonl|ndjson)$/i;

/** True for an object that holds a whole conversation rather than being one message or item. */
export function isConversationContainer(value: unknown): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    !('role' in value) &&
    ('messages' in value || 'input' in value || 'output' in value || 'instructions' in value)
  );
}

function parseError(error: unknown): string {
  return `not JSON (${error instanceof Error ? error.message : String(error)})`;
}

async function* fromLines(
  lines: AsyncIterable<{ line: number; text: string } | { line: number; error: string }>,
  file: string,
  map: ConversationMapper,
): AsyncGenerator<TranscriptSourceItem> {
  const name = basename(file);
  for await (const entry of lines) {
    const location = { file, line: entry.line };
    if ('error' in entry) {
      yield invalidItem(location, entry.error);
      continue;
    }
    if (entry.text.trim() === '') continue;
    let value: unknown;
    try {
      value = parseLenientJson(entry.text);
    } catch (error) {
      yield invalidItem(location, parseError(error), { cause: error });
      continue;
    }
    yield safeMap(map, value, { defaultId: `${name}:${entry.line}`, file, path: [], location });
  }
}

function safeMap(
  map: ConversationMapper,
  value: unknown,
  context: Parameters<ConversationMapper>[1],
): TranscriptSourceItem {
  try {
    return map(value, context);
  } catch (error) {
    return errorToItem(error, context.location);
  }
}

function firstLineIsJson(text: string): boolean {
  const first = text.split('\n').find((line) => line.trim() !== '');
  if (first === undefined || first.trim() === text.trim()) return false;
  try {
    parseLenientJson(first);
    return true;
  } catch {
    return false;
  }
}

async function* inMemoryLines(text: string) {
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) yield { line: index + 1, text: line.replace(/\r$/, '') };
}

/**
 * Reads the containers judgekit accepts for provider message formats (see the package README):
 * a `.jsonl`/`.ndjson` file with one conversation per line (streamed); or a JSON document holding
 * one conversation, an array of conversation objects, or one conversation's bare message array.
 * A JSON file that is not one document but several lines of JSON is read as JSONL.
 */
export async function* readConversationFile(
  file: string,
  map: ConversationMapper,
): AsyncGenerator<TranscriptSourceItem> {
  if (LINE_EXTENSIONS.test(file)) {
    yield* fromLines(readLines(file), file, map);
    return;
  }
  const text = decodeUtf8(await readFile(file));
  if (text === undefined) {
    yield invalidItem({ file }, 'file is not valid UTF-8');
    return;
  }
  let document: unknown;
  try {
    document = parseLenientJson(text);
  } catch (error) {
    if (firstLineIsJson(text)) yield* fromLines(inMemoryLines(text), file, map);
    else yield invalidItem({ file }, parseError(error), { cause: error });
    return;
  }
  const name = basename(file);
  if (Array.isArray(document) && document.length === 0) {
    yield invalidItem({ file }, 'the file holds no conversation (an empty array)');
    return;
  }
  if (Array.isArray(document) && isConversationContainer(document[0])) {
    for (const [index, value] of document.entries()) {
      yield safeMap(map, value, { defaultId: `${name}#${index}`, file, path: [index], location: { file } });
    }
    return;
  }
  yield safeMap(map, document, { defaultId: name, file, path: [], location: { file } });
}
