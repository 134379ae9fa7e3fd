import { z } from 'zod';

/** What a grader may read of a transcript. */
export const VIEWS = ['actions', 'reasoning', 'all'] as const;

/**
 * - `actions`: every message's text, tool calls and tool results; no reasoning.
 * - `reasoning`: the task context (system and user messages) and the assistant's reasoning;
 *   no assistant output, no tool calls or results.
 * - `all`: everything.
 */
export const ViewSchema = z.enum(VIEWS);

/** What a grader may read of a transcript. */
export type View = z.infer<typeof ViewSchema>;
