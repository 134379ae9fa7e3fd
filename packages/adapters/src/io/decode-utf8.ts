const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 (dropping a leading BOM), or returns `undefined` when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}
