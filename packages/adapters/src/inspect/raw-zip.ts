import { crc32, deflateRawSync } from 'node:zlib';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const UTF8_FLAG = 0x0800;

/** One entry of a zip as stored: its central-directory record and its local record, both raw. */
export interface RawZipEntry {
  name: string;
  /** The central-directory record, byte for byte. */
  central: Buffer;
  /** The local header, data and any data descriptor, byte for byte. */
  local: Buffer;
}

/** A zip as stored: its entries in central-directory order and the archive comment. */
export interface RawZip {
  entries: RawZipEntry[];
  comment: Buffer;
}

/**
 * Splits a zip into its raw entries without decompressing anything, so that a rewrite can copy
 * every untouched entry byte for byte. Refuses zip64 archives and anything inconsistent.
 * @throws Error with the reason
 */
export function readRawZip(bytes: Buffer): RawZip {
  const searchFrom = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let offset = bytes.length - 22; offset >= searchFrom; offset--) {
    if (bytes.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw new Error('no end-of-central-directory record: not a zip file');
  if (end >= 20 && bytes.readUInt32LE(end - 20) === ZIP64_LOCATOR) {
    throw new Error('zip64 archives (over 4 GiB or 65,535 entries) are not supported');
  }
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  const commentLength = bytes.readUInt16LE(end + 20);
  if (directoryOffset + directorySize > end) throw new Error('the central directory overruns the file');
  const records: { name: string; central: Buffer; localOffset: number }[] = [];
  let cursor = directoryOffset;
  for (let index = 0; index < count; index++) {
    if (cursor + 46 > end || bytes.readUInt32LE(cursor) !== CENTRAL_HEADER) {
      throw new Error(`central directory record ${index} is damaged`);
    }
    const nameLength = bytes.readUInt16LE(cursor + 28);
    const extraLength = bytes.readUInt16LE(cursor + 30);
    const entryCommentLength = bytes.readUInt16LE(cursor + 32);
    const localOffset = bytes.readUInt32LE(cursor + 42);
    const size = 46 + nameLength + extraLength + entryCommentLength;
    if (localOffset === 0xffffffff || bytes.readUInt32LE(cursor + 20) === 0xffffffff) {
      throw new Error('zip64 entries are not supported');
    }
    const flags = bytes.readUInt16LE(cursor + 8);
    const nameBytes = bytes.subarray(cursor + 46, cursor + 46 + nameLength);
    const name = flags & UTF8_FLAG ? nameBytes.toString('utf8') : nameBytes.toString('latin1');
    records.push({ name, central: Buffer.from(bytes.subarray(cursor, cursor + size)), localOffset });
    cursor += size;
  }
  const starts = [...new Set(records.map((record) => record.localOffset))].sort((a, b) => a - b);
  const entries = records.map((record) => {
    if (record.localOffset >= directoryOffset || bytes.readUInt32LE(record.localOffset) !== LOCAL_HEADER) {
      throw new Error(`the local header of ${record.name} is damaged`);
    }
    const next = starts.find((start) => start > record.localOffset) ?? directoryOffset;
    return {
      name: record.name,
      central: record.central,
      local: Buffer.from(bytes.subarray(record.localOffset, next)),
    };
  });
  return { entries, comment: Buffer.from(bytes.subarray(end + 22, end + 22 + commentLength)) };
}

function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.max(1980, date.getUTCFullYear());
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/**
 * A new deflated entry with the name, version and attributes of `like` (the entry it replaces),
 * and the current time.
 */
export function deflatedEntry(name: string, content: Buffer, like?: RawZipEntry): RawZipEntry {
  const data = deflateRawSync(content, { level: 6 });
  const nameBytes = Buffer.from(name, 'utf8');
  const flags = /^[\x20-\x7e]*$/.test(name) ? 0 : UTF8_FLAG;
  const stamp = dosDateTime(new Date());
  const checksum = crc32(content) >>> 0;
  const local = Buffer.alloc(30 + nameBytes.length);
  local.writeUInt32LE(LOCAL_HEADER, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(flags, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt16LE(stamp.time, 10);
  local.writeUInt16LE(stamp.date, 12);
  local.writeUInt32LE(checksum, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  local.writeUInt16LE(0, 28);
  nameBytes.copy(local, 30);
  const central = Buffer.alloc(46 + nameBytes.length);
  central.writeUInt32LE(CENTRAL_HEADER, 0);
  central.writeUInt16LE(like ? like.central.readUInt16LE(4) : 20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(flags, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt16LE(stamp.time, 12);
  central.writeUInt16LE(stamp.date, 14);
  central.writeUInt32LE(checksum, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(like ? like.central.readUInt32LE(38) : 0, 38);
  nameBytes.copy(central, 46);
  return { name, central, local: Buffer.concat([local, data]) };
}

/** Writes entries as a zip: local records in order, then the central directory with their new offsets. */
export function writeRawZip(zip: RawZip): Buffer {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of zip.entries) {
    const central = Buffer.from(entry.central);
    central.writeUInt32LE(offset, 42);
    centrals.push(central);
    parts.push(entry.local);
    offset += entry.local.length;
  }
  if (offset > 0xfffffffe) throw new Error('the rewritten archive would need zip64');
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(zip.entries.length, 8);
  end.writeUInt16LE(zip.entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(zip.comment.length, 20);
  return Buffer.concat([...parts, directory, end, zip.comment]);
}
