import { createHash } from 'node:crypto';

/**
 * sha256 (hex) of validated rule data — a merged rule pack or lexicon — as JSON: recorded on every
 * verdict beside the data's name, so two verdicts made with different cues or rules can be told
 * apart even when the pack keeps its name and the grader its version.
 */
export function dataSha256(data: unknown): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('hex');
}
