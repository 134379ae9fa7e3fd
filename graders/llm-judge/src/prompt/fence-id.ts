import { createHash } from 'node:crypto';

/** Hex characters of a fence id. */
export const FENCE_ID_LENGTH = 16;

/**
 * The fence id of one transcript rendering: derived from the content it fences (so a repeated call
 * is byte-identical and hits the response cache) and unpredictable to whoever wrote that content
 * (they would have to find a fixed point of sha256). As a guarantee rather than a probability, an
 * id that occurs anywhere in the content is skipped: the content can never contain its own fence.
 * @param contents the texts that will stand inside the fence
 */
export function fenceId(contents: readonly string[]): string {
  const digest = createHash('sha256').update('judgekit-fence/v1');
  for (const content of contents) digest.update('\0').update(content);
  const seed = digest.digest('hex');
  for (let attempt = 0; ; attempt++) {
    const id = createHash('sha256').update(`${seed}:${attempt}`).digest('hex').slice(0, FENCE_ID_LENGTH);
    if (!contents.some((content) => content.includes(id))) return id;
  }
}
