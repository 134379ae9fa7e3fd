// A minimal zip writer for the test logs: stored (0), deflate (8) and zstd (93) entries.
// yazl cannot write zstd entries, and Inspect writes them (zip method 93) since spring 2026.
import { execFileSync } from 'node:child_process';
import zlib from 'node:zlib';

const DOS_TIME = (12 << 11) | (0 << 5) | 0; // 12:00:00
const DOS_DATE = ((2026 - 1980) << 9) | (5 << 5) | 1; // 2026-05-01
const UTF8_NAMES = 0x0800;

/** Zstandard-compresses with Node's zlib (Node >= 23.8) or the `zstd` command. */
export function zstdCompress(data) {
  if (typeof zlib.zstdCompressSync === 'function') {
    return zlib.zstdCompressSync(data, {
      params: { [zlib.constants.ZSTD_c_compressionLevel]: 19, [zlib.constants.ZSTD_c_checksumFlag]: 1 },
    });
  }
  try {
    return execFileSync('zstd', ['-q', '-19', '-c'], { input: data });
  } catch (error) {
    throw new Error(`zstd needs Node >= 23.8 (zlib.zstdCompressSync) or the zstd command: ${error.message}`);
  }
}

function compress(method, data) {
  if (method === 0) return data;
  if (method === 8) return zlib.deflateRawSync(data, { level: 9 });
  if (method === 93) return zstdCompress(data);
  throw new Error(`unsupported method ${method}`);
}

/**
 * Builds a zip file from `entries` ({ name, data: Buffer | string, method: 0 | 8 | 93 }).
 * `corruptCrc` on an entry writes a wrong CRC-32 for it (for tests of damaged logs).
 */
export function buildZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const entry of entries) {
    const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data, 'utf8');
    const method = entry.method ?? 8;
    const compressed = compress(method, data);
    const name = Buffer.from(entry.name, 'utf8');
    const crc = (zlib.crc32(data) ^ (entry.corruptCrc ? 0xffffffff : 0)) >>> 0;
    const needed = method === 93 ? 63 : 20;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(needed, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 63, 4);
    central.writeUInt16LE(needed, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
