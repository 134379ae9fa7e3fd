import type { RenderedMessage } from '../prompt/render-transcript.js';

/** How a transcript too long for one call is split. */
export interface ChunkLimits {
  /** Characters of transcript one call may carry (after cutting long parts). */
  maxTranscriptChars: number;
  /** Messages repeated from the end of one chunk at the start of the next, so a claim and the tool result it contradicts are more often seen together. */
  overlapMessages: number;
}

/** The messages of one call: the task context, then a run of the conversation. */
export interface Chunk {
  /** System messages and the first user message: repeated in every chunk. */
  context: RenderedMessage[];
  body: RenderedMessage[];
}

function isContext(message: RenderedMessage, firstUser: number | undefined): boolean {
  return message.role === 'system' || message.index === firstUser;
}

/**
 * Splits the visible messages into chunks that each fit `maxTranscriptChars` (one chunk when the
 * whole transcript fits). Every chunk starts with the task context; the rest is split greedily in
 * message order with `overlapMessages` of overlap. A single message larger than the budget gets a
 * chunk of its own (its parts are already cut to their limits).
 */
export function planChunks(messages: readonly RenderedMessage[], limits: ChunkLimits): Chunk[] {
  const total = messages.reduce((sum, message) => sum + message.chars, 0);
  const firstUser = messages.find((message) => message.role === 'user')?.index;
  const context = messages.filter((message) => isContext(message, firstUser));
  const rest = messages.filter((message) => !isContext(message, firstUser));
  if (total <= limits.maxTranscriptChars || rest.length === 0) return [{ context, body: rest }];
  const contextChars = context.reduce((sum, message) => sum + message.chars, 0);
  const budget = Math.max(1, limits.maxTranscriptChars - contextChars);
  const chunks: Chunk[] = [];
  let start = 0;
  while (start < rest.length) {
    let end = start;
    let used = 0;
    while (end < rest.length && (end === start || used + rest[end]!.chars <= budget)) {
      used += rest[end]!.chars;
      end++;
    }
    chunks.push({ context, body: rest.slice(start, end) });
    if (end >= rest.length) break;
    start = Math.max(start + 1, end - limits.overlapMessages);
  }
  return chunks;
}
