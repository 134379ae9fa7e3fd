import { createReadStream } from 'node:fs';
import { decodeUtf8 } from './decode-utf8.js';

/** One line of a text file: its 1-based number and text, or why it could not be read. */
export type FileLine = { line: number; text: string } | { line: number; error: string };

/** Options of `readLines`. */
export interface ReadLinesOptions {
  /** Longer lines are reported as errors and skipped without being held in memory. Default 256 MiB. */
  maxLineBytes?: number;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const READ_CHUNK_BYTES = 256 * 1024;

/**
 * Streams a file line by line (LF or CRLF) with line numbers, holding at most one line in memory.
 * A line that is not valid UTF-8 or longer than `maxLineBytes` is yielded as an error, and the
 * lines after it are still read.
 */
export async function* readLines(file: string, options: ReadLinesOptions = {}): AsyncGenerator<FileLine> {
  for await (const lines of readLineBatches(file, options)) yield* lines;
}

/**
 * `readLines` a read chunk (256 KiB) at a time: the lines that end in each chunk, in order. For
 * readers that handle many short lines, so they do not pay an async step per line. (64 KiB chunks
 * cost a reader of 50k transcripts about 0.2 CPU-s more in stream and thread-pool round trips.)
 */
export async function* readLineBatches(
  file: string,
  options: ReadLinesOptions = {},
): AsyncGenerator<FileLine[]> {
  const maxLineBytes = options.maxLineBytes ?? 256 * 1024 * 1024;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overflow = false;
  let line = 0;

  const finish = (): FileLine => {
    line++;
    if (overflow) {
      overflow = false;
      return { line, error: `line is longer than ${maxLineBytes} bytes; skipped` };
    }
    let bytes = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    if (bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN) bytes = bytes.subarray(0, -1);
    const text = decodeUtf8(bytes);
    return text === undefined ? { line, error: 'line is not valid UTF-8' } : { line, text };
  };

  const append = (bytes: Buffer) => {
    if (overflow || bytes.length === 0) return;
    if (pendingBytes + bytes.length > maxLineBytes) {
      overflow = true;
      pending = [];
      pendingBytes = 0;
      return;
    }
    pending.push(bytes);
    pendingBytes += bytes.length;
  };

  for await (const chunk of createReadStream(file, {
    highWaterMark: READ_CHUNK_BYTES,
  }) as AsyncIterable<Buffer>) {
    const lines: FileLine[] = [];
    let start = 0;
    for (let index = chunk.indexOf(NEWLINE); index !== -1; index = chunk.indexOf(NEWLINE, start)) {
      append(chunk.subarray(start, index));
      lines.push(finish());
      start = index + 1;
    }
    append(chunk.subarray(start));
    if (lines.length > 0) yield lines;
  }
  if (pendingBytes > 0 || overflow) yield [finish()];
}
