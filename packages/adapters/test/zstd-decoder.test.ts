import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createZstdDecoder, WORKER_SOURCE } from '../src/io/zstd-decompress.js';
import { TEST_DATA } from './helpers/shared-data.js';

/** The raw zstd frame of one entry of the committed zstd log, with its declared size and CRC. */
function zstdEntry(name: string): { raw: Buffer; size: number; crc: number } {
  const bytes = readFileSync(join(TEST_DATA, 'inspect', 'zstd-agentic.eval'));
  const header = bytes.indexOf(Buffer.from(name)) - 30;
  const compressed = bytes.readUInt32LE(header + 18);
  const start = header + 30 + name.length;
  return {
    raw: bytes.subarray(start, start + compressed),
    size: bytes.readUInt32LE(header + 22),
    crc: bytes.readUInt32LE(header + 14),
  };
}

describe('zstd decoding', () => {
  const entry = zstdEntry('samples/1_epoch_1.json');

  it.each([true, false])('decodes an entry exactly (native decoder allowed: %s)', async (native) => {
    const decoder = createZstdDecoder({ native });
    try {
      const bytes = await decoder.decompress(entry.raw, entry.size);
      expect(bytes).toHaveLength(entry.size);
      expect(crc32(bytes) >>> 0).toBe(entry.crc);
    } finally {
      decoder.close();
    }
  });

  it('refuses more output than the entry declares', async () => {
    const decoder = createZstdDecoder({ native: false });
    try {
      await expect(decoder.decompress(entry.raw, entry.size - 1)).rejects.toThrow(/larger than/);
    } finally {
      decoder.close();
    }
  });

  it('runs its worker source under plain Node, outside the test runner', () => {
    const fzstd = pathToFileURL(createRequire(import.meta.url).resolve('fzstd')).href;
    const script = `
      import { Worker } from 'node:worker_threads';
      const worker = new Worker(process.env.SOURCE, { eval: true, workerData: { fzstd: process.env.FZSTD } });
      worker.on('message', (message) => { console.log(JSON.stringify({ size: message.data?.byteLength, error: message.error })); process.exit(0); });
      worker.on('error', (error) => { console.log(JSON.stringify({ error: String(error) })); process.exit(1); });
      const data = Uint8Array.from(Buffer.from(process.env.RAW, 'base64'));
      worker.postMessage({ id: 1, data: data.buffer, expected: Number(process.env.SIZE) }, [data.buffer]);`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      env: {
        PATH: process.env.PATH,
        SOURCE: WORKER_SOURCE,
        FZSTD: fzstd,
        RAW: entry.raw.toString('base64'),
        SIZE: String(entry.size),
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(JSON.parse(output)).toEqual({ size: entry.size });
  });
});
