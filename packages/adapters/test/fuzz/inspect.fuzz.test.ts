import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { buildZip } from '../../scripts/zip-writer.mjs';
import { readInspectLog, transcriptFromInspectSample } from '../../src/index.js';
import { collect, errorsOf, transcriptsOf } from '../helpers/collect.js';
import { TEST_DATA } from '../helpers/shared-data.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { junkJson, RUNS, randomPath, replaceAt } from './arbitraries.js';

const tempDir = useTempDir();
const spec = { task: 'fuzz', eval_id: 'FuzzEvalId000000000001', model: 'none/none' };

function sample(id: number, text: string) {
  return {
    id,
    epoch: 1,
    input: text,
    target: '',
    messages: [
      { role: 'user', content: text },
      {
        role: 'assistant',
        content: [
          { type: 'reasoning', reasoning: 'hm', redacted: false },
          { type: 'text', text: 'ok' },
        ],
        tool_calls: [{ id: `call-${id}`, function: 'bash', arguments: { cmd: text } }],
      },
      { role: 'tool', content: 'done', tool_call_id: `call-${id}`, function: 'bash' },
    ],
    scores: { match: { value: 'C' } },
    metadata: {},
    attachments: {},
  };
}

async function buildEval(entries: Record<string, string>): Promise<Buffer> {
  return buildZip(Object.entries(entries).map(([name, data]) => ({ name, data, method: 8 })));
}

function evalEntries(texts: readonly string[]): Record<string, string> {
  const entries: Record<string, string> = {
    'header.json': JSON.stringify({ version: 2, status: 'success', eval: spec }),
  };
  texts.forEach((text, index) => {
    entries[`samples/${index + 1}_epoch_1.json`] = JSON.stringify(sample(index + 1, text));
  });
  return entries;
}

/** Where each entry's compressed data lies in the file. */
async function dataRanges(file: string): Promise<Map<string, [number, number]>> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  const ranges = new Map<string, [number, number]>();
  for await (const entry of zip.eachEntry()) {
    const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
    ranges.set(entry.fileName, [fileDataStart, fileDataStart + entry.compressedSize]);
  }
  zip.close();
  return ranges;
}

const texts = fc.array(fc.string({ minLength: 1, maxLength: 60 }), { minLength: 2, maxLength: 5 });

describe('fuzzing the Inspect log reader', () => {
  it('turns a truncated .eval into one clear error, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(texts, fc.double({ min: 0, max: 0.999, noNaN: true }), async (values, fraction) => {
        const bytes = await buildEval(evalEntries(values));
        const file = join(tempDir(), 'cut.eval');
        writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * fraction)));
        const items = await collect(readInspectLog(file));
        expect(transcriptsOf(items)).toEqual([]);
        expect(errorsOf(items).length).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: RUNS },
    );
  });

  it('names a corrupted entry and keeps every other sample (deflate entries)', async () => {
    await fc.assert(
      fc.asyncProperty(
        texts,
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }),
        async (values, pick, flips) => {
          const file = join(tempDir(), 'flipped.eval');
          writeFileSync(file, await buildEval(evalEntries(values)));
          const target = `samples/${(pick % values.length) + 1}_epoch_1.json`;
          const [start, end] = (await dataRanges(file)).get(target)!;
          const bytes = readFileSync(file);
          for (const [offset, mask] of flips) bytes[start + (offset % (end - start))]! ^= mask;
          writeFileSync(file, bytes);
          const items = await collect(readInspectLog(file));
          expect(items).toHaveLength(values.length);
          const kept = transcriptsOf(items).map((transcript) => transcript.source?.sampleId);
          for (let id = 1; id <= values.length; id++)
            if (`samples/${id}_epoch_1.json` !== target) expect(kept).toContain(id);
          for (const error of errorsOf(items)) expect(error.reason).toContain(`in entry ${target}:`);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('names a corrupted zstd entry and keeps the other sample', async () => {
    const original = readFileSync(join(TEST_DATA, 'inspect', 'zstd-agentic.eval'));
    const probe = join(tempDir(), 'probe.eval');
    writeFileSync(probe, original);
    const [start, end] = (await dataRanges(probe)).get('samples/1_epoch_1.json')!;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }),
        async (flips) => {
          const bytes = Buffer.from(original);
          for (const [offset, mask] of flips) bytes[start + (offset % (end - start))]! ^= mask;
          const file = join(tempDir(), 'zstd-flipped.eval');
          writeFileSync(file, bytes);
          // fzstd spins forever on some corrupt frames; a short budget keeps the property quick
          const items = await collect(readInspectLog(file, { zstdTimeoutMs: 1000 }));
          expect(transcriptsOf(items).map((transcript) => transcript.source?.sampleId)).toContain(2);
          expect(items).toHaveLength(2);
          for (const error of errorsOf(items))
            expect(error.reason).toMatch(/^in entry samples\/1_epoch_1\.json: /);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('keeps the valid samples of a .eval whose other sample entries hold junk JSON', async () => {
    await fc.assert(
      fc.asyncProperty(texts, junkJson, fc.nat(), async (values, junk, pick) => {
        const entries = evalEntries(values);
        const target = `samples/${(pick % values.length) + 1}_epoch_1.json`;
        entries[target] = JSON.stringify(junk);
        const file = join(tempDir(), 'junk.eval');
        writeFileSync(file, await buildEval(entries));
        const items = await collect(readInspectLog(file));
        expect(items).toHaveLength(values.length);
        expect(transcriptsOf(items).length).toBeGreaterThanOrEqual(values.length - 1);
      }),
      { numRuns: RUNS },
    );
  });

  it('maps any mutation of a sample to a transcript or an error item, never a throw', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        randomPath,
        fc.oneof(junkJson, fc.constant(undefined)),
        (text, path, replacement) => {
          const mutated = replaceAt(sample(1, text), path, replacement);
          const item = transcriptFromInspectSample(mutated, { eval: spec });
          expect(typeof item.ok).toBe('boolean');
        },
      ),
      { numRuns: RUNS * 5 },
    );
  });

  it('keeps the good samples of a .json log among junk ones, and survives deep nesting and huge strings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(junkJson, fc.constant('good')), { maxLength: 8 }), async (slots) => {
        const samples = slots.map((slot, index) => (slot === 'good' ? sample(index + 1, `s${index}`) : slot));
        const file = join(tempDir(), 'log.json');
        writeFileSync(file, JSON.stringify({ version: 2, status: 'success', eval: spec, samples }));
        const items = await collect(readInspectLog(file));
        const good = slots.filter((slot) => slot === 'good').length;
        expect(transcriptsOf(items).length).toBeGreaterThanOrEqual(good);
        expect(items).toHaveLength(Math.max(slots.length, 1));
      }),
      { numRuns: RUNS },
    );
    const deep = `{"version":2,"eval":{"task":"t"},"samples":[${JSON.stringify(sample(1, 'ok'))},{"id":2,"epoch":1,"messages":[],"metadata":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}]}`;
    const file = join(tempDir(), 'deep.json');
    writeFileSync(file, deep);
    const items = await collect(readInspectLog(file));
    expect(items.length).toBeGreaterThanOrEqual(1);
    const huge = join(tempDir(), 'huge.json');
    writeFileSync(
      huge,
      JSON.stringify({ version: 2, eval: spec, samples: [sample(1, 'h'.repeat(32 * 1024 * 1024))] }),
    );
    expect(transcriptsOf(await collect(readInspectLog(huge)))).toHaveLength(1);
  });
});
