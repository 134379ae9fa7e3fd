import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { ZipEntryError } from './zip-entry-error.js';
import { createZstdDecoder, type ZstdDecoder } from './zstd-decompress.js';

/** Zip compression methods this reader understands. */
const STORED = 0;
const DEFLATED = 8;
/** Zstandard, as Inspect writes `.eval` entries since spring 2026. */
const ZSTANDARD = 93;

/** What the central directory says about one entry. */
export interface ZipEntryInfo {
  name: string;
  compressionMethod: number;
  compressedSize: number;
  uncompressedSize: number;
}

/** An open zip file whose entries are read one at a time. */
export interface ZipArchive {
  /** Entries in central-directory order; a name that occurs twice keeps its last entry. */
  readonly entries: ReadonlyMap<string, ZipEntryInfo>;
  /** The entry's bytes, decompressed and checked against its size and CRC-32; throws `ZipEntryError`. */
  read(name: string): Promise<Buffer>;
  close(): void;
}

/** Options of `openZip`. */
export interface OpenZipOptions {
  /** Entries that claim to be larger are refused (zip-bomb guard). Default 1 GiB. */
  maxEntryBytes?: number;
  /**
   * Time budget of one zstd entry when it is decoded by fzstd in a worker (Node without native
   * zstd). Default 5 s + 200 ms per MB of output.
   */
  zstdTimeoutMs?: number;
}

async function collect(stream: Readable, limit: number, onLimit: () => Error): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      stream.destroy();
      throw onLimit();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/**
 * Opens a zip file for random access to its entries: stored and deflated entries through yauzl,
 * zstd entries (method 93) read raw and decompressed natively or with fzstd (see
 * `createZstdDecoder`). Every entry read is checked
 * against the size and CRC-32 the central directory records. Throws when the file is not a
 * readable zip (no end-of-central-directory record, a truncated directory).
 */
export async function openZip(file: string, options: OpenZipOptions = {}): Promise<ZipArchive> {
  const maxEntryBytes = options.maxEntryBytes ?? 1024 * 1024 * 1024;
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, strictFileNames: false });
  // yauzl may report late reader errors as events; they surface again through the read that failed.
  zip.on('error', () => {});
  const raw = new Map<string, yauzl.Entry>();
  const entries = new Map<string, ZipEntryInfo>();
  try {
    for await (const entry of zip.eachEntry()) {
      raw.set(entry.fileName, entry);
      entries.set(entry.fileName, {
        name: entry.fileName,
        compressionMethod: entry.compressionMethod,
        compressedSize: entry.compressedSize,
        uncompressedSize: entry.uncompressedSize,
      });
    }
  } catch (error) {
    zip.close();
    throw error;
  }

  let zstd: ZstdDecoder | undefined;
  const read = async (name: string): Promise<Buffer> => {
    const entry = raw.get(name);
    const fail = (reason: string, cause?: unknown) => new ZipEntryError({ file, entry: name, reason, cause });
    if (!entry) throw fail('no such entry');
    if (entry.isEncrypted()) throw fail('entry is encrypted');
    if (entry.uncompressedSize > maxEntryBytes) {
      throw fail(`entry declares ${entry.uncompressedSize} bytes, more than the limit of ${maxEntryBytes}`);
    }
    let bytes: Buffer;
    try {
      if (entry.compressionMethod === STORED || entry.compressionMethod === DEFLATED) {
        const stream = await zip.openReadStreamPromise(entry);
        bytes = await collect(stream, entry.uncompressedSize, () => fail('entry is larger than it declares'));
      } else if (entry.compressionMethod === ZSTANDARD) {
        const stream = await zip.openReadStreamPromise(entry, { decodeFileData: false });
        const compressed = await collect(stream, entry.compressedSize, () => fail('entry data overruns'));
        zstd ??= createZstdDecoder(
          options.zstdTimeoutMs === undefined ? {} : { timeoutMs: options.zstdTimeoutMs },
        );
        bytes = await zstd.decompress(compressed, entry.uncompressedSize);
      } else {
        throw fail(`unsupported compression method ${entry.compressionMethod}`);
      }
    } catch (error) {
      if (ZipEntryError.isInstance(error)) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw fail(`cannot decompress (${message})`, error);
    }
    if (bytes.length !== entry.uncompressedSize) {
      throw fail(`entry holds ${bytes.length} bytes but declares ${entry.uncompressedSize}`);
    }
    if (crc32(bytes) >>> 0 !== entry.crc32 >>> 0) throw fail('CRC-32 mismatch: the entry is corrupt');
    return bytes;
  };

  const close = () => {
    zstd?.close();
    zip.close();
  };
  return { entries, read, close };
}
