import { open, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { TranscriptSourceItem } from '@judgekit/core';
import { decodeUtf8 } from '../io/decode-utf8.js';
import { parseLenientJson } from '../io/lenient-json.js';
import { type OpenZipOptions, openZip, type ZipArchive } from '../io/zip-entries.js';
import { ZipEntryError } from '../io/zip-entry-error.js';
import { parseAt } from '../records/parse-at.js';
import { RecordShapeError } from '../records/record-shape-error.js';
import { errorToItem, invalidItem } from '../records/source-items.js';
import {
  type InspectEvalSpec,
  InspectJsonLogSchema,
  InspectLogHeaderSchema,
  InspectSampleSummarySchema,
} from './inspect-schema.js';
import { transcriptFromInspectSample } from './transcript-from-inspect-sample.js';

/** Options of `readInspectLog`. */
export interface ReadInspectLogOptions {
  /** Largest zip entry to read, in bytes (zip-bomb guard). Default 1 GiB. */
  maxEntryBytes?: OpenZipOptions['maxEntryBytes'];
  /** Time budget of one zstd entry on Node without native zstd. Default 5 s + 200 ms per MB. */
  zstdTimeoutMs?: OpenZipOptions['zstdTimeoutMs'];
}

const SAMPLE_ENTRY = /^samples\/(.+)_epoch_(\d+)\.json$/;
const JOURNAL_SUMMARY = /^_journal\/summaries\/(\d+)\.json$/;
const ZIP_MAGIC = [0x50, 0x4b];

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function taskFromFile(file: string): string {
  return basename(file).replace(/\.(eval|json)$/i, '');
}

function summaryKey(id: string | number, epoch: number): string {
  return `${typeof id}:${id}|${epoch}`;
}

function compareSampleIds(a: string, b: string): number {
  const numbers = [Number(a), Number(b)];
  if (a !== '' && b !== '' && numbers.every(Number.isFinite)) return numbers[0]! - numbers[1]!;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reads and parses one JSON entry; throws `ZipEntryError` or `SyntaxError`. */
async function readJsonEntry(zip: ZipArchive, file: string, entry: string): Promise<unknown> {
  const text = decodeUtf8(await zip.read(entry));
  if (text === undefined) throw new ZipEntryError({ file, entry, reason: 'entry is not valid UTF-8' });
  return parseLenientJson(text);
}

function entryProblem(file: string, entry: string, error: unknown): TranscriptSourceItem {
  if (ZipEntryError.isInstance(error)) return invalidItem({ file, entry }, error.reason, { cause: error });
  if (error instanceof SyntaxError)
    return invalidItem({ file, entry }, `not JSON (${error.message})`, { cause: error });
  return errorToItem(error, { file, entry });
}

async function isZip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === ZIP_MAGIC[0] && buffer[1] === ZIP_MAGIC[1];
  } finally {
    await handle.close();
  }
}

/** The log header: `header.json`, or `_journal/start.json` for a log still being written. */
async function readHeader(
  zip: ZipArchive,
  file: string,
): Promise<{ spec?: InspectEvalSpec; status?: string; problems: TranscriptSourceItem[] }> {
  const problems: TranscriptSourceItem[] = [];
  for (const entry of ['header.json', '_journal/start.json']) {
    if (!zip.entries.has(entry)) continue;
    try {
      const header = parseAt(InspectLogHeaderSchema, await readJsonEntry(zip, file, entry), []);
      return { spec: header.eval, status: entry === 'header.json' ? header.status : 'started', problems };
    } catch (error) {
      problems.push(entryProblem(file, entry, error));
    }
  }
  return { problems };
}

/** Scores by sample and epoch from `summaries.json`, or from the journal summaries in order. */
async function readSummaryScores(
  zip: ZipArchive,
  file: string,
): Promise<{ scores: Map<string, Record<string, unknown>>; problems: TranscriptSourceItem[] }> {
  const scores = new Map<string, Record<string, unknown>>();
  const problems: TranscriptSourceItem[] = [];
  const entries = zip.entries.has('summaries.json')
    ? ['summaries.json']
    : [...zip.entries.keys()]
        .filter((name) => JOURNAL_SUMMARY.test(name))
        .sort((a, b) => Number(JOURNAL_SUMMARY.exec(a)![1]) - Number(JOURNAL_SUMMARY.exec(b)![1]));
  for (const entry of entries) {
    try {
      const value = await readJsonEntry(zip, file, entry);
      if (!Array.isArray(value))
        throw new RecordShapeError({ path: [], reason: 'expected an array of sample summaries' });
      value.forEach((item, index) => {
        const summary = parseAt(InspectSampleSummarySchema, item, [index]);
        if (summary.scores) scores.set(summaryKey(summary.id, summary.epoch), summary.scores);
      });
    } catch (error) {
      problems.push(entryProblem(file, entry, error));
    }
  }
  return { scores, problems };
}

function sampleEntries(zip: ZipArchive): { samples: string[]; unknown: string[] } {
  const samples: { name: string; id: string; epoch: number }[] = [];
  const unknown: string[] = [];
  for (const name of zip.entries.keys()) {
    if (!name.startsWith('samples/') || name.endsWith('/')) continue;
    const match = SAMPLE_ENTRY.exec(name);
    if (match) samples.push({ name, id: match[1]!, epoch: Number(match[2]) });
    else unknown.push(name);
  }
  samples.sort((a, b) => compareSampleIds(a.id, b.id) || a.epoch - b.epoch);
  return { samples: samples.map((sample) => sample.name), unknown };
}

async function* readEvalFile(
  file: string,
  options: ReadInspectLogOptions,
): AsyncGenerator<TranscriptSourceItem> {
  let zip: ZipArchive;
  try {
    zip = await openZip(file, options);
  } catch (error) {
    yield invalidItem({ file }, `not a readable .eval (zip) file: ${messageOf(error)}`, { cause: error });
    return;
  }
  try {
    const header = await readHeader(zip, file);
    yield* header.problems;
    const summaries = await readSummaryScores(zip, file);
    yield* summaries.problems;
    const { samples, unknown } = sampleEntries(zip);
    for (const entry of unknown) {
      yield invalidItem(
        { file, entry },
        'not a sample entry this reader knows (expected samples/<id>_epoch_<n>.json)',
      );
    }
    if (samples.length === 0 && unknown.length === 0) yield invalidItem({ file }, 'the log holds no samples');
    for (const entry of samples) {
      let sample: unknown;
      try {
        sample = await readJsonEntry(zip, file, entry);
      } catch (error) {
        yield entryProblem(file, entry, error);
        continue;
      }
      const id = (sample as { id?: unknown })?.id;
      const epoch = (sample as { epoch?: unknown })?.epoch;
      const summaryScores =
        (typeof id === 'string' || typeof id === 'number') && typeof epoch === 'number'
          ? summaries.scores.get(summaryKey(id, epoch))
          : undefined;
      yield transcriptFromInspectSample(sample, {
        ...(header.spec ? { eval: header.spec } : {}),
        taskFallback: taskFromFile(file),
        ...(header.status ? { status: header.status } : {}),
        file,
        ...(summaryScores ? { summaryScores } : {}),
        location: { file, entry },
      });
    }
  } finally {
    zip.close();
  }
}

async function* readJsonFile(file: string): AsyncGenerator<TranscriptSourceItem> {
  const text = decodeUtf8(await readFile(file));
  if (text === undefined) {
    yield invalidItem({ file }, 'file is not valid UTF-8');
    return;
  }
  let log: ReturnType<typeof InspectJsonLogSchema.parse>;
  try {
    log = parseAt(InspectJsonLogSchema, parseLenientJson(text), []);
  } catch (error) {
    yield error instanceof SyntaxError
      ? invalidItem({ file }, `not JSON (${error.message})`, { cause: error })
      : errorToItem(error, { file });
    return;
  }
  const samples = log.samples ?? [];
  if (samples.length === 0) yield invalidItem({ file }, 'the log holds no samples');
  for (const [index, sample] of samples.entries()) {
    yield transcriptFromInspectSample(sample, {
      eval: log.eval,
      ...(log.status ? { status: log.status } : {}),
      file,
      path: ['samples', index],
      location: { file },
    });
  }
}

/**
 * Reads an Inspect AI log, `.eval` (zip) or `.json`, yielding one transcript per sample × epoch.
 * `.eval` entries may be stored, deflated or zstd-compressed; a log still being written (no
 * `header.json`) is read through `_journal/start.json` and the journal summaries; JSON with bare
 * `NaN`/`Infinity` is accepted. An unreadable entry becomes an error item naming the entry, and
 * the other samples are still read.
 */
export async function* readInspectLog(
  file: string,
  options: ReadInspectLogOptions = {},
): AsyncGenerator<TranscriptSourceItem> {
  if ((await isZip(file)) || /\.eval$/i.test(file)) yield* readEvalFile(file, options);
  else yield* readJsonFile(file);
}
