import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import zlib from 'node:zlib';

type NativeZstd = (buffer: Uint8Array, options: { maxOutputLength: number }) => Buffer;
const nativeZstd = (zlib as unknown as { zstdDecompressSync?: NativeZstd }).zstdDecompressSync;

/**
 * fzstd, a pure-JS decoder, can loop forever on corrupt input (found by fuzzing), so on Node
 * versions without a native zstd decoder it runs in a worker thread that is terminated when it
 * overruns its time budget. Only dynamic `import()`, so that the source runs whether Node evaluates
 * it as a script or as a module. Exported for a test that runs it under plain Node.
 */
export const WORKER_SOURCE = `
import('node:worker_threads').then(async ({ parentPort, workerData }) => {
  const { Decompress } = await import(workerData.fzstd);
  parentPort.on('message', ({ id, data, expected }) => {
    try {
      const chunks = [];
      let size = 0;
      const decompressor = new Decompress((chunk) => {
        size += chunk.length;
        if (size > expected) throw new Error('zstd data is larger than the ' + expected + ' bytes the entry declares');
        chunks.push(chunk.slice());
      });
      decompressor.push(new Uint8Array(data), true);
      const out = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) { out.set(chunk, offset); offset += chunk.length; }
      parentPort.postMessage({ id, data: out.buffer }, [out.buffer]);
    } catch (error) {
      parentPort.postMessage({ id, error: String((error && error.message) || error) });
    }
  });
});
`;

type Pending = {
  owner: Worker;
  resolve: (value: Buffer) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
};

/** Decompresses zstd frames; `close` releases the worker thread, if one was started. */
export interface ZstdDecoder {
  /** The decompressed bytes; rejects on corrupt data, on more than `expected` bytes, or on a timeout. */
  decompress(raw: Uint8Array, expected: number): Promise<Buffer>;
  close(): void;
}

/** Time budget of one entry: generous for fzstd's throughput, short enough to notice a hang. */
function budgetMs(expected: number): number {
  return 5000 + Math.ceil(expected / 1_000_000) * 200;
}

function workerDecoder(timeoutMs: number | undefined): ZstdDecoder {
  const fzstd = pathToFileURL(createRequire(import.meta.url).resolve('fzstd')).href;
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, Pending>();
  const failAll = (error: Error, owner?: Worker) => {
    for (const [id, request] of pending) {
      if (owner !== undefined && request.owner !== owner) continue;
      clearTimeout(request.timer);
      request.reject(error);
      pending.delete(id);
    }
  };
  const start = (): Worker => {
    const started = new Worker(WORKER_SOURCE, { eval: true, workerData: { fzstd } });
    started.unref();
    started.on('message', (message: { id: number; data?: ArrayBuffer; error?: string }) => {
      const request = pending.get(message.id);
      if (!request) return;
      pending.delete(message.id);
      clearTimeout(request.timer);
      if (message.error !== undefined || message.data === undefined)
        request.reject(new Error(message.error ?? 'no data'));
      else request.resolve(Buffer.from(message.data));
    });
    started.on('error', (error) => {
      if (worker === started) worker = undefined;
      failAll(error, started);
    });
    started.on('exit', () => {
      if (worker === started) worker = undefined;
      failAll(new Error('zstd worker exited'), started);
    });
    return started;
  };
  return {
    decompress(raw, expected) {
      worker ??= start();
      const current = worker;
      const id = nextId++;
      return new Promise<Buffer>((resolve, reject) => {
        const timeout = timeoutMs ?? budgetMs(expected);
        const timer = setTimeout(() => {
          pending.delete(id);
          if (worker === current) worker = undefined;
          void current.terminate();
          reject(new Error(`zstd decompression did not finish within ${timeout} ms (corrupt data?)`));
        }, timeout);
        pending.set(id, { owner: current, resolve, reject, timer });
        const copy = new Uint8Array(raw);
        current.postMessage({ id, data: copy.buffer, expected }, [copy.buffer]);
      });
    },
    close() {
      failAll(new Error('zstd decoder closed'));
      void worker?.terminate();
      worker = undefined;
    },
  };
}

function nativeDecoder(decompress: NativeZstd): ZstdDecoder {
  return {
    async decompress(raw, expected) {
      return decompress(raw, { maxOutputLength: Math.max(expected, 1) });
    },
    close() {},
  };
}

/**
 * A zstd decoder: Node's native one where it exists (Node >= 22.15), else fzstd in a worker thread
 * with a time budget per entry (`timeoutMs`, default 5 s + 200 ms per MB of output), because
 * fzstd can hang on corrupt data.
 */
export function createZstdDecoder(options: { timeoutMs?: number; native?: boolean } = {}): ZstdDecoder {
  return nativeZstd && options.native !== false
    ? nativeDecoder(nativeZstd)
    : workerDecoder(options.timeoutMs);
}
