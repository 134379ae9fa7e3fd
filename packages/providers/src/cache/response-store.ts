import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** Format tag of a stored response file. */
export const STORED_RESPONSE_FORMAT = 'judgekit.response/v1';

/** One provider response as stored on disk: the body the provider sent, verbatim, and its address. */
export const StoredResponseSchema = z.object({
  format: z.literal(STORED_RESPONSE_FORMAT),
  key: z.string().regex(/^[0-9a-f]{64}$/),
  /** The model name it was asked of (`provider:model`). */
  ref: z.string(),
  /** The provider's response body, as received. */
  response: z.unknown(),
  receivedAt: z.string(),
  /** Answered through a batch API (priced at the batch rate). */
  batch: z.boolean(),
});

export type StoredResponse = z.infer<typeof StoredResponseSchema>;

/** A content-addressed store of provider responses: the response cache and replay recordings. */
export interface ResponseStore {
  readonly dir: string;
  get(key: string): Promise<StoredResponse | undefined>;
  /**
   * Writes atomically (temporary file, then rename): a killed process never leaves half a file.
   * @param responseJSON the JSON text `entry.response` was parsed from, written as is (a response
   *   body is large: serializing it again cost more than the rest of the write)
   */
  put(entry: StoredResponse, responseJSON?: string): Promise<void>;
}

/** A response store in a directory: one `<key[0..2]>/<key>.json` file per response. */
export function createResponseStore(dir: string): ResponseStore {
  const pathOf = (key: string) => join(dir, key.slice(0, 2), `${key}.json`);
  const madeDirs = new Set<string>();
  // temporary names: unique to this store in this process, then a counter (no random bytes per write)
  const writer = `${process.pid}.${randomBytes(6).toString('hex')}`;
  let writes = 0;
  return {
    dir,
    async get(key) {
      let text: string;
      try {
        text = await readFile(pathOf(key), 'utf8');
      } catch {
        return undefined;
      }
      try {
        const entry = StoredResponseSchema.parse(JSON.parse(text));
        return entry.key === key ? entry : undefined;
      } catch {
        return undefined;
      }
    },
    async put(entry, responseJSON) {
      const path = pathOf(entry.key);
      const folder = join(dir, entry.key.slice(0, 2));
      if (!madeDirs.has(folder)) {
        await mkdir(folder, { recursive: true });
        madeDirs.add(folder);
      }
      const temporary = `${path}.${writer}.${writes++}.tmp`;
      try {
        await writeFile(temporary, storedText(entry, responseJSON));
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
  };
}

/**
 * The file text of an entry: its JSON, with the response's own JSON text in place when given
 * (members in the same order; the text may span lines if the provider sent it so), so the file
 * reads back to the same entry either way.
 */
function storedText(entry: StoredResponse, responseJSON: string | undefined): string {
  if (responseJSON === undefined) return `${JSON.stringify(entry)}\n`;
  const { format, key, ref, receivedAt, batch } = entry;
  const head = `{"format":${JSON.stringify(format)},"key":${JSON.stringify(key)},"ref":${JSON.stringify(ref)}`;
  return `${head},"response":${responseJSON.trim()},"receivedAt":${JSON.stringify(receivedAt)},"batch":${JSON.stringify(batch)}}\n`;
}
