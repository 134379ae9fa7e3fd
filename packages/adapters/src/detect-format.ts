import { open, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { classifyRecords } from './classify-record.js';
import { decodeUtf8 } from './io/decode-utf8.js';
import { parseLenientJson } from './io/lenient-json.js';
import { readLines } from './io/read-lines.js';
import type { TranscriptFormat } from './transcript-format.js';

/** Extensions of files a directory read looks at. */
export const INPUT_EXTENSIONS = new Set(['.jsonl', '.ndjson', '.json', '.eval']);
const HEAD_BYTES = 64 * 1024;
/** JSONL lines looked at to tell the format. */
const SAMPLE_LINES = 50;
const INSPECT_HEAD = /"eval"\s*:\s*\{/;

async function head(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(HEAD_BYTES), 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function firstLines(file: string): Promise<unknown[]> {
  const values: unknown[] = [];
  for await (const entry of readLines(file)) {
    if ('error' in entry || entry.text.trim() === '') continue;
    try {
      values.push(parseLenientJson(entry.text));
    } catch {
      // a bad line says nothing about the format
    }
    if (values.length >= SAMPLE_LINES) break;
  }
  return values;
}

async function wholeDocument(file: string): Promise<unknown> {
  const handle = await open(file, 'r');
  try {
    const text = decodeUtf8(await handle.readFile());
    return text === undefined ? undefined : parseLenientJson(text);
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

/** Every input file under a directory, recursively, sorted; hidden entries are skipped. */
export async function listInputFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await listInputFiles(path)));
    else if (entry.isFile() && INPUT_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(path);
  }
  return files;
}

async function detectFileFormat(file: string): Promise<TranscriptFormat | undefined> {
  const bytes = await head(file);
  const extension = extname(file).toLowerCase();
  if (extension === '.eval' || (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b))
    return 'inspect';
  if (extension === '.jsonl' || extension === '.ndjson') return classifyRecords(await firstLines(file));
  const text = bytes.toString('utf8');
  if (INSPECT_HEAD.test(text) && /"samples"|"version"/.test(text)) return 'inspect';
  const document = await wholeDocument(file);
  if (document === undefined) {
    // Not one JSON document: JSON lines in a file without a .jsonl extension.
    return classifyRecords(await firstLines(file));
  }
  const format = classifyRecords([document]);
  // A judgekit transcript is read line by line: a pretty-printed one is not JSONL.
  if (format === 'jsonl' && text.trim().includes('\n')) return undefined;
  return format;
}

/**
 * Tells the format of a file (or of a directory whose files all share one format) for
 * `--from auto`: `.eval` and zip files are Inspect logs; otherwise the first 50 JSONL lines or the
 * JSON document is classified by its shape (an Inspect log, judgekit transcripts, Anthropic or
 * OpenAI conversations). Returns `undefined` when it cannot tell; throws only when the path
 * cannot be read.
 */
export async function detectFormat(path: string): Promise<TranscriptFormat | undefined> {
  if ((await stat(path)).isDirectory()) {
    const formats = new Set<TranscriptFormat | undefined>();
    for (const file of await listInputFiles(path)) formats.add(await detectFileFormat(file));
    return formats.size === 1 ? [...formats][0] : undefined;
  }
  return detectFileFormat(path);
}
