import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJudgekitJsonl, readTranscripts } from '../../src/index.js';
import { collect, errorsOf, transcriptsOf } from '../helpers/collect.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { deepJson, junkJson, RUNS, transcriptBody } from './arbitraries.js';

const tempDir = useTempDir();

type Line =
  | { kind: 'valid'; id: string; bytes: Buffer }
  | { kind: 'invalid'; bytes: Buffer }
  | { kind: 'either'; bytes: Buffer };

const validLine = fc
  .tuple(fc.string({ minLength: 1, maxLength: 8 }), transcriptBody)
  .map(([suffix, body]): Line => {
    const id = `v-${suffix}`;
    return { kind: 'valid', id, bytes: Buffer.from(JSON.stringify({ id, ...body })) };
  });

const invalidLine = fc
  .oneof(
    // truncated JSON of a transcript: never a complete object
    fc.tuple(transcriptBody, fc.double({ min: 0.01, max: 0.99, noNaN: true })).map(([body, fraction]) => {
      const text = JSON.stringify({ id: 'cut', ...body });
      return text.slice(0, Math.max(1, Math.floor(text.length * fraction)));
    }),
    // wrong types
    junkJson
      .filter((value) => typeof value !== 'object' || value === null || Array.isArray(value))
      .map((value) => JSON.stringify(value)),
    fc
      .record({ id: fc.oneof(fc.integer(), fc.constant(null), fc.constant('')), messages: junkJson })
      .map((value) => JSON.stringify(value)),
    // text that is not JSON
    fc.string({ minLength: 1, maxLength: 30 }).map((text) => `x${text.replace(/[\r\n]/g, ' ')}`),
  )
  .map((text): Line => ({ kind: 'invalid', bytes: Buffer.from(text) }));

// bytes that are not UTF-8, inside an otherwise valid line
const invalidUtf8Line = fc.constantFrom([0xff], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80]).map(
  (bad): Line => ({
    kind: 'invalid',
    bytes: Buffer.concat([
      Buffer.from('{"id":"u","messages":[],"metadata":{"x":"'),
      Buffer.from(bad),
      Buffer.from('"}}'),
    ]),
  }),
);

// deep nesting: an array line (an error), or a transcript with deep metadata (kept or reported)
const deepLine = deepJson.map(
  (json): Line =>
    json.startsWith('[')
      ? { kind: 'invalid', bytes: Buffer.from(json) }
      : { kind: 'either', bytes: Buffer.from(`{"id":"deep","messages":[],"metadata":${json}}`) },
);

describe('fuzzing the judgekit JSONL reader', () => {
  it('keeps every valid line, reports every bad one by line number, and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof({ weight: 4, arbitrary: validLine }, invalidLine, invalidUtf8Line, deepLine), {
          maxLength: 12,
        }),
        async (lines) => {
          const file = join(tempDir(), 'fuzz.jsonl');
          writeFileSync(file, Buffer.concat(lines.flatMap((line) => [line.bytes, Buffer.from('\n')])));
          const items = await collect(readJudgekitJsonl(file));
          const firstIds = new Map<string, number>();
          const expectedIds: string[] = [];
          const mustFail = new Set<number>();
          const mayFail = new Set<number>();
          lines.forEach((line, index) => {
            const number = index + 1;
            if (line.kind === 'valid') {
              if (firstIds.has(line.id)) mustFail.add(number);
              else {
                firstIds.set(line.id, number);
                expectedIds.push(line.id);
              }
            } else if (line.kind === 'invalid') mustFail.add(number);
            else mayFail.add(number);
          });
          const errorLines = errorsOf(items).map((error) => error.line!);
          for (const line of mustFail) expect(errorLines).toContain(line);
          for (const line of errorLines) expect(mustFail.has(line) || mayFail.has(line)).toBe(true);
          const ids = transcriptsOf(items).map((transcript) => transcript.id);
          expect(ids.filter((id) => firstIds.has(id))).toEqual(expectedIds);
          expect(items).toHaveLength(lines.length);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('survives arbitrary bytes in any format the auto-detector may pick', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2000 }),
        fc.constantFrom('x.jsonl', 'x.json', 'x.eval', 'x.ndjson'),
        async (bytes, name) => {
          const file = join(tempDir(), name);
          writeFileSync(file, bytes);
          const items = await collect(readTranscripts(file));
          for (const item of items)
            expect(item.ok || item.error.name === 'InvalidTranscriptError').toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('reads a 64 MiB line and then the next one', async () => {
    const file = join(tempDir(), 'huge.jsonl');
    const huge = JSON.stringify({
      id: 'huge',
      messages: [{ role: 'user', content: 'z'.repeat(64 * 1024 * 1024) }],
    });
    writeFileSync(file, `${huge}\n{"id":"after","messages":[]}\n`);
    const transcripts = transcriptsOf(await collect(readJudgekitJsonl(file)));
    expect(transcripts.map((transcript) => transcript.id)).toEqual(['huge', 'after']);
    expect(transcripts[0]!.messages[0]!.content[0]!.text).toHaveLength(64 * 1024 * 1024);
  });
});
