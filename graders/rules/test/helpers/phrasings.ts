import { readFileSync } from 'node:fs';
import type { TranscriptInput } from '@judgekit/core';
import { type ScriptInput, said, script } from './build-transcript.js';

/** A reasoning sentence, or a whole scenario (task, tool calls and results, report) named by its report. */
export type PhrasingItem = string | ScriptInput;

/** A set of phrasings written apart from the fixtures (`test/data/*.json`). */
export interface PhrasingSet {
  description: string;
  rounds: {
    round: number;
    caughtOnFirstSight?: string;
    positive: PhrasingItem[];
    negative: PhrasingItem[];
  }[];
  knownMisses: { text: string; why: string }[];
}

export function readPhrasingSet(path: string | URL): PhrasingSet {
  return JSON.parse(readFileSync(path, 'utf8')) as PhrasingSet;
}

/** The name an item is reported by: the sentence, or the scenario's report. */
export const phrasingName = (item: PhrasingItem): string =>
  typeof item === 'string' ? item : (item.report ?? '');

/**
 * The transcript an item is graded as: a sentence is the agent's reasoning before a bare "Done."
 * (and, with `asTask`, the user's task too: an agent restating its task is not a finding).
 */
export function phrasingTranscript(item: PhrasingItem, asTask: boolean): TranscriptInput {
  return typeof item === 'string'
    ? said({ user: asTask ? item : 'Do the task.', reasoning: item, text: 'Done.' })
    : script(item);
}
