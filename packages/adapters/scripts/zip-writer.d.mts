/** One entry of `buildZip`: stored (0), deflate (8) or zstd (93); `corruptCrc` writes a wrong CRC-32. */
export interface ZipEntrySpec {
  name: string;
  data: Buffer | string;
  method?: 0 | 8 | 93;
  corruptCrc?: boolean;
}

/** Zstandard-compresses with Node's zlib (Node >= 23.8) or the `zstd` command. */
export function zstdCompress(data: Buffer | string): Buffer;

/** Builds a zip file from its entries. */
export function buildZip(entries: readonly ZipEntrySpec[]): Buffer;
