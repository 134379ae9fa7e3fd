import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ManifestInput } from '@judgekit/core';

/** SHA-256 and size of each input file, for the run manifest (a resume checks they did not change). */
export async function hashInputs(files: readonly string[]): Promise<ManifestInput[]> {
  return Promise.all(
    files.map(async (path) => {
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
      return { path, sha256: hash.digest('hex'), bytes: (await stat(path)).size };
    }),
  );
}
