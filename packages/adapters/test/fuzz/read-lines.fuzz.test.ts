import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/io/decode-utf8.js';
import { type FileLine, readLineBatches, readLines } from '../../src/io/read-lines.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { RUNS } from './arbitraries.js';

const tempDir = useTempDir();
const fatal = new TextDecoder('utf-8', { fatal: true });

/** What a fatal WHATWG decoder makes of the bytes: the reference `decodeUtf8` must agree with. */
function referenceDecode(bytes: Uint8Array): string | undefined {
  try {
    return fatal.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Bytes likely to probe a UTF-8 decoder: text, BOMs, cut and invalid sequences, surrogates. */
const tricky = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }).map((text) => [...Buffer.from(text)]),
  fc.constantFrom(
    [0xef, 0xbb, 0xbf],
    [0xef, 0xbb],
    [0xed, 0xa0, 0x80],
    [0xc0, 0xaf],
    [0xf4, 0x90, 0x80, 0x80],
    [0xe2, 0x82],
    [0xff],
    [0x80],
    [0x0d],
  ),
);
const bytesOf = fc.array(tricky, { maxLength: 8 }).map((parts) => Uint8Array.from(parts.flat()));

/** The lines of a file by definition: split on LF, one trailing CR dropped, decoded strictly. */
function referenceLines(bytes: Buffer, maxLineBytes: number): FileLine[] {
  const lines: FileLine[] = [];
  let start = 0;
  let line = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(0x0a, start) === -1 ? bytes.length : bytes.indexOf(0x0a, start);
    line++;
    let raw = bytes.subarray(start, end);
    if (raw.length > maxLineBytes)
      lines.push({ line, error: `line is longer than ${maxLineBytes} bytes; skipped` });
    else {
      if (raw.at(-1) === 0x0d) raw = raw.subarray(0, -1);
      const text = referenceDecode(raw);
      lines.push(text === undefined ? { line, error: 'line is not valid UTF-8' } : { line, text });
    }
    start = end + 1;
  }
  return lines;
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}

describe('decodeUtf8', () => {
  it('answers exactly as a fatal TextDecoder does', () => {
    fc.assert(
      fc.property(bytesOf, (bytes) => {
        expect(decodeUtf8(bytes)).toBe(referenceDecode(bytes));
        // a view into a larger buffer decodes only its own bytes
        const padded = new Uint8Array(bytes.length + 4);
        padded.set(bytes, 2);
        expect(decodeUtf8(padded.subarray(2, 2 + bytes.length))).toBe(referenceDecode(bytes));
      }),
      { numRuns: RUNS * 10 },
    );
  });
});

describe('readLines', () => {
  it('yields the lines of a file by definition, across 256 KiB read chunks', async () => {
    // long lines push the short, tricky ones across the boundaries of the reader's chunks
    const line = fc.oneof(
      bytesOf,
      fc.integer({ min: 1, max: 160_000 }).map((length) => new Uint8Array(length).fill(0x61)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 12 }),
        fc.boolean(),
        fc.constantFrom(256 * 1024 * 1024, 20_000),
        async (lines, trailingNewline, maxLineBytes) => {
          const parts = lines.flatMap((bytes) => [Buffer.from(bytes), Buffer.from([0x0a])]);
          if (!trailingNewline && parts.length > 0) parts.pop();
          const bytes = Buffer.concat(parts);
          const file = join(tempDir(), 'lines.jsonl');
          writeFileSync(file, bytes);
          const expected = referenceLines(bytes, maxLineBytes);
          expect(await collect(readLines(file, { maxLineBytes }))).toEqual(expected);
          expect((await collect(readLineBatches(file, { maxLineBytes }))).flat()).toEqual(expected);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
