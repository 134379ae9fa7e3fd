import {
  formatIssuePath,
  InvalidTranscriptError,
  type TranscriptInput,
  TranscriptSchema,
  type TranscriptSourceItem,
} from '@judgekit/core';
import { RecordShapeError } from './record-shape-error.js';

/** Where a record sits in its input: the file, and a line or a zip entry. */
export interface RecordLocation {
  file?: string;
  line?: number;
  /** A zip entry or another sub-location (on the error as `entry`, and named in its reason), e.g. `samples/1_epoch_1.json`. */
  entry?: string;
}

function reasonAt(location: RecordLocation, reason: string): string {
  return location.entry === undefined ? reason : `in entry ${location.entry}: ${reason}`;
}

/** An error item for a record that is not a transcript. */
export function invalidItem(
  location: RecordLocation,
  reason: string,
  options: { path?: string; cause?: unknown } = {},
): TranscriptSourceItem {
  return {
    ok: false,
    error: new InvalidTranscriptError({
      ...(location.file === undefined ? {} : { file: location.file }),
      ...(location.line === undefined ? {} : { line: location.line }),
      ...(location.entry === undefined ? {} : { entry: location.entry }),
      ...(options.path ? { path: options.path } : {}),
      reason: reasonAt(location, reason),
      cause: options.cause,
    }),
  };
}

/** Validates a mapped transcript against the core schema; an error item names the first issue. */
export function transcriptItem(draft: unknown, location: RecordLocation): TranscriptSourceItem {
  const parsed = TranscriptSchema.safeParse(draft);
  if (parsed.success) return { ok: true, transcript: parsed.data };
  const issue = parsed.error.issues[0]!;
  return invalidItem(location, `mapped transcript is invalid: ${issue.message}`, {
    path: formatIssuePath(issue.path),
  });
}

/** An error item for anything a mapper threw; stack overflows on hostile nesting included. */
export function errorToItem(error: unknown, location: RecordLocation): TranscriptSourceItem {
  if (RecordShapeError.isInstance(error)) return invalidItem(location, error.reason, { path: error.path });
  if (error instanceof RangeError) {
    return invalidItem(location, `record is too deeply nested or too large to read (${error.message})`, {
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return invalidItem(location, `could not read record: ${message}`, { cause: error });
}

/** Runs a mapper and turns whatever it throws into an error item. */
export function mapRecord(map: () => TranscriptInput, location: RecordLocation): TranscriptSourceItem {
  let draft: TranscriptInput;
  try {
    draft = map();
  } catch (error) {
    return errorToItem(error, location);
  }
  return transcriptItem(draft, location);
}
