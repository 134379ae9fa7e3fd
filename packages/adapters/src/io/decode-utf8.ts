import { Buffer, isUtf8 } from 'node:buffer';

/**
 * Decodes UTF-8 (dropping a leading BOM), or returns `undefined` when the bytes are not valid UTF-8.
 * The same answers as a fatal `TextDecoder`, in about two thirds of its time: the bytes are
 * validated (simdutf) and then decoded without a second check.
 */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  if (!isUtf8(bytes)) return undefined;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
