/**
 * What `packages/adapters/test/fuzz` does not cover yet, through the entry point the CLI uses
 * (`readTranscripts`): duplicate ids, invalid UTF-8, truncated files and huge strings in the OpenAI
 * and Anthropic conversation readers (JSONL and JSON) and the Inspect readers (`.json`, `.eval`).
 * (The judgekit JSONL reader, junk records, deep nesting and truncated/corrupted zips are fuzzed there.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTranscripts } from '@judgekit/adapters';
import { InvalidTranscriptError, type TranscriptSourceItem } from '@judgekit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildZip } from '../../adapters/scripts/zip-writer.mjs';
import { RUNS, useTempDirs } from './helpers/temp-dir.js';

const tempDir = useTempDirs('judgekit-importer-fuzz-');
const DATA = join(import.meta.dirname, '../../adapters/test/data');
const load = (name: string) => JSON.parse(readFileSync(join(DATA, name), 'utf8')) as Record<string, unknown>;

const SEEDS = {
  openai: [
    ...(load('openai/chat-conversations.json') as unknown as Record<string, unknown>[]),
    load('openai/responses-conversation.json'),
  ],
  anthropic: [load('anthropic/messages-tools.json')],
} as const;

async function read(file: string, from: 'openai' | 'anthropic' | 'inspect') {
  const items: TranscriptSourceItem[] = [];
  const started = performance.now();
  for await (const item of readTranscripts(file, { from })) items.push(item);
  return { items, ms: performance.now() - started };
}

const kept = (items: readonly TranscriptSourceItem[]) =>
  items.flatMap((item) => (item.ok ? [item.transcript.id] : []));
const errors = (items: readonly TranscriptSourceItem[]) =>
  items.flatMap((item) => (item.ok ? [] : [item.error]));

const BAD_UTF8 = [[0xff], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]];

/** One line of a conversation file: a valid record (its id may repeat), or one kind of bad line. */
type Slot =
  | { kind: 'valid'; seed: number; id: number }
  | { kind: 'huge'; seed: number; id: number; megabytes: number }
  | { kind: 'bad-utf8'; seed: number; bytes: number[]; at: number }
  | { kind: 'truncated'; seed: number; fraction: number }
  | { kind: 'wrong-types'; value: unknown };

const slot: fc.Arbitrary<Slot> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('valid' as const), seed: fc.nat(), id: fc.nat({ max: 5 }) }),
  },
  fc.record({
    kind: fc.constant('huge' as const),
    seed: fc.nat(),
    id: fc.integer({ min: 100, max: 103 }),
    megabytes: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    kind: fc.constant('bad-utf8' as const),
    seed: fc.nat(),
    bytes: fc.constantFrom(...BAD_UTF8),
    at: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('truncated' as const),
    seed: fc.nat(),
    fraction: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('wrong-types' as const),
    value: fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.record({ id: fc.oneof(fc.integer(), fc.constant(null)), messages: fc.jsonValue({ maxDepth: 2 }) }),
    ),
  }),
);

function withHugeText(record: Record<string, unknown>, text: string): Record<string, unknown> {
  const messages = (record.messages ?? record.input) as unknown[] | undefined;
  if (!Array.isArray(messages)) return { ...record, metadata: { note: text } };
  const key = record.messages ? 'messages' : 'input';
  return { ...record, [key]: [...messages, { role: 'user', content: text }] };
}

/** The bytes of one slot's line and what reading it must give. */
function slotLine(format: 'openai' | 'anthropic', value: Slot, index: number) {
  const seeds = SEEDS[format];
  if (value.kind === 'wrong-types') {
    return { bytes: Buffer.from(JSON.stringify(value.value)), expect: 'error-or-any' as const };
  }
  const seed = seeds[value.seed % seeds.length]!;
  if (value.kind === 'valid') {
    return {
      bytes: Buffer.from(JSON.stringify({ ...seed, id: `keep-${value.id}` })),
      expect: `keep-${value.id}`,
    };
  }
  if (value.kind === 'huge') {
    const text = `${index}`.padEnd(value.megabytes * 1024 * 1024, 'h');
    return {
      bytes: Buffer.from(JSON.stringify(withHugeText({ ...seed, id: `keep-${value.id}` }, text))),
      expect: `keep-${value.id}`,
    };
  }
  const text = Buffer.from(JSON.stringify({ ...seed, id: `bad-${index}` }));
  if (value.kind === 'truncated') {
    return { bytes: text.subarray(0, Math.floor(text.length * value.fraction)), expect: 'error' as const };
  }
  // invalid bytes inside a string value: a line that is not valid UTF-8
  const quote = text.indexOf('"', Math.floor(text.length * value.at));
  const at = quote < 0 ? text.length - 2 : quote;
  return {
    bytes: Buffer.concat([text.subarray(0, at), Buffer.from(value.bytes), text.subarray(at)]),
    expect: 'error-or-any' as const,
  };
}

describe.each(['openai', 'anthropic'] as const)('fuzzing the %s conversation reader (JSONL)', (format) => {
  it('keeps the first record of every id, refuses repeated ids, and reports bad lines by number', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(slot, { maxLength: 10 }), async (slots) => {
        const lines = slots.map((value, index) => slotLine(format, value, index));
        const file = join(tempDir(), 'mixed.jsonl');
        writeFileSync(file, Buffer.concat(lines.flatMap((line) => [line.bytes, Buffer.from('\n')])));
        const { items, ms } = await read(file, format);
        expect(ms).toBeLessThan(30_000);
        for (const error of errors(items)) {
          expect(InvalidTranscriptError.isInstance(error)).toBe(true);
          expect(error.file).toBe(file);
        }
        // the first record of each id is kept, in file order; a later one with that id is an error
        const firstIds: string[] = [];
        for (const line of lines) {
          if (line.expect.startsWith('keep-') && !firstIds.includes(line.expect)) firstIds.push(line.expect);
        }
        expect(kept(items).filter((id) => id.startsWith('keep-'))).toEqual(firstIds);
        const repeated = lines.filter((line) => line.expect.startsWith('keep-')).length - firstIds.length;
        expect(errors(items).filter((error) => /duplicate transcript id/.test(error.reason))).toHaveLength(
          repeated,
        );
        // nothing from a truncated line survives
        const truncated = lines.filter((line) => line.expect === 'error').length;
        expect(errors(items).length).toBeGreaterThanOrEqual(truncated + repeated);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});

describe.each(['openai', 'anthropic'] as const)(
  'fuzzing the %s conversation reader (one JSON document)',
  (format) => {
    it('reads an array of conversations with repeated ids, huge strings, invalid UTF-8 or a cut end: kept records or clear errors', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ seed: fc.nat(), id: fc.nat({ max: 3 }) }), { minLength: 1, maxLength: 6 }),
          fc.constantFrom('intact', 'huge', 'bad-utf8', 'truncated'),
          fc.double({ min: 0.05, max: 0.95, noNaN: true }),
          async (records, damage, fraction) => {
            const seeds = SEEDS[format];
            let values = records.map(({ seed, id }) => ({
              ...seeds[seed % seeds.length]!,
              id: `keep-${id}`,
            }));
            if (damage === 'huge')
              values = values.map(
                (value) => withHugeText(value, 'h'.repeat(2 * 1024 * 1024)) as typeof value,
              );
            let bytes = Buffer.from(JSON.stringify(values));
            if (damage === 'truncated') bytes = bytes.subarray(0, Math.floor(bytes.length * fraction));
            if (damage === 'bad-utf8') {
              const at = bytes.indexOf('"', Math.floor(bytes.length * fraction));
              bytes = Buffer.concat([
                bytes.subarray(0, at + 1),
                Buffer.from([0xff, 0xfe]),
                bytes.subarray(at + 1),
              ]);
            }
            const file = join(tempDir(), 'conversations.json');
            writeFileSync(file, bytes);
            const { items, ms } = await read(file, format);
            expect(ms).toBeLessThan(30_000);
            expect(items.length).toBeGreaterThan(0);
            for (const error of errors(items)) expect(InvalidTranscriptError.isInstance(error)).toBe(true);
            const unique = [...new Set(values.map((value) => value.id))];
            if (damage === 'intact' || damage === 'huge') {
              expect(kept(items)).toEqual(unique);
              expect(
                errors(items).filter((error) => /duplicate transcript id/.test(error.reason)),
              ).toHaveLength(values.length - unique.length);
            } else {
              // a document cut short or not UTF-8 is refused with a clear error, or its intact records are kept once each
              expect(new Set(kept(items)).size).toBe(kept(items).length);
              for (const id of kept(items)) expect(unique).toContain(id);
              if (kept(items).length < unique.length) expect(errors(items).length).toBeGreaterThan(0);
            }
          },
        ),
        { numRuns: RUNS },
      );
    }, 120_000);
  },
);

const spec = { task: 'fuzz', eval_id: 'FuzzEvalId000000000001', model: 'none/none' };
function sample(id: number, epoch: number, text: string) {
  return {
    id,
    epoch,
    input: text,
    target: '',
    messages: [
      { role: 'user', content: text },
      { role: 'assistant', content: 'ok' },
    ],
    scores: {},
    metadata: {},
  };
}

describe('fuzzing the Inspect readers with repeated sample ids, invalid UTF-8 and huge strings', () => {
  it('keeps one transcript per (sample, epoch) and reports the repeats, in .eval and .json logs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            id: fc.integer({ min: 1, max: 4 }),
            epoch: fc.integer({ min: 1, max: 2 }),
            damage: fc.constantFrom('none', 'none', 'bad-utf8', 'huge'),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.constantFrom('eval', 'json'),
        async (samples, container) => {
          const dir = tempDir();
          const body = (entry: (typeof samples)[number], index: number) => {
            const text = entry.damage === 'huge' ? 'x'.repeat(3 * 1024 * 1024) : `sample ${index}`;
            const bytes = Buffer.from(JSON.stringify(sample(entry.id, entry.epoch, text)));
            if (entry.damage !== 'bad-utf8') return bytes;
            const at = bytes.indexOf('sample');
            return Buffer.concat([bytes.subarray(0, at), Buffer.from([0xc3, 0x28]), bytes.subarray(at)]);
          };
          let file: string;
          if (container === 'eval') {
            file = join(dir, 'log.eval');
            const entries = [
              {
                name: 'header.json',
                data: JSON.stringify({ version: 2, status: 'success', eval: spec }),
                method: 8 as const,
              },
              ...samples.map((entry, index) => ({
                // unique entry names; the sample id inside may repeat
                name: `samples/${index + 1}_epoch_${entry.epoch}.json`,
                data: body(entry, index),
                method: 8 as const,
              })),
            ];
            writeFileSync(file, await buildZip(entries));
          } else {
            file = join(dir, 'log.json');
            const parts = samples.map((entry, index) => body(entry, index));
            const head = Buffer.from(
              JSON.stringify({ version: 2, status: 'success', eval: spec }).slice(0, -1),
            );
            writeFileSync(
              file,
              Buffer.concat([
                head,
                Buffer.from(',"samples":['),
                ...parts.flatMap((part, index) => (index ? [Buffer.from(','), part] : [part])),
                Buffer.from(']}'),
              ]),
            );
          }
          const { items, ms } = await read(file, 'inspect');
          expect(ms).toBeLessThan(30_000);
          for (const error of errors(items)) expect(InvalidTranscriptError.isInstance(error)).toBe(true);
          const ids = kept(items);
          expect(new Set(ids).size).toBe(ids.length);
          const clean = samples.filter((entry) => entry.damage !== 'bad-utf8');
          const keys = [...new Set(clean.map((entry) => `${entry.id}/epoch${entry.epoch}`))];
          if (container === 'eval') {
            // each entry is its own record: every clean (sample, epoch) is kept, the rest are errors
            for (const key of keys) expect(ids.some((id) => id.includes(`/${key}`))).toBe(true);
            expect(items).toHaveLength(samples.length);
          } else if (clean.length === samples.length) {
            expect(ids).toHaveLength(keys.length);
          } else {
            // one JSON document with bytes that are not UTF-8: refused with a clear error, or read without the bad text
            expect(items.length).toBeGreaterThan(0);
          }
          const repeats = errors(items).filter((error) =>
            /duplicate transcript id/.test(error.reason),
          ).length;
          expect(ids.length + repeats).toBeLessThanOrEqual(samples.length);
        },
      ),
      { numRuns: Math.max(20, Math.floor(RUNS / 2)) },
    );
  }, 180_000);
});
