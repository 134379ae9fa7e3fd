import { MessageSchema, TranscriptSchema } from '@judgekit/core';
import { isRecord } from '../records/message-draft.js';

const TRANSCRIPT_KEYS = new Set(Object.keys(TranscriptSchema.shape));
const MESSAGE_KEYS = new Set(Object.keys(MessageSchema.shape));

/**
 * The path of the first field that a judgekit transcript does not have, at the top level or in a
 * message — such fields would otherwise be dropped silently (an OpenAI `tool_calls` in a file
 * read as judgekit JSONL, a misspelt `label`).
 */
export function firstUnknownField(record: Record<string, unknown>): string | undefined {
  const top = Object.keys(record).find((key) => !TRANSCRIPT_KEYS.has(key));
  if (top !== undefined) return top;
  if (!Array.isArray(record.messages)) return undefined;
  for (const [index, message] of record.messages.entries()) {
    if (!isRecord(message)) continue;
    const key = Object.keys(message).find((name) => !MESSAGE_KEYS.has(name));
    if (key !== undefined) return `messages.${index}.${key}`;
  }
  return undefined;
}
