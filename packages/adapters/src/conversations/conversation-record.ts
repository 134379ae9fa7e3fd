import type { TranscriptInput } from '@judgekit/core';
import { compact, isRecord } from '../records/message-draft.js';

/** Where a conversation came from, for its default id and `source`. */
export interface ConversationContext {
  /** Used when the conversation carries no `id`: `<file name>`, `<file name>#<index>` or `<file name>:<line>`. */
  defaultId: string;
  file?: string;
}

/** Transcript fields a conversation container may carry beside its messages (validated later). */
const PASSTHROUGH = ['environment', 'condition', 'pairId', 'split', 'labels'] as const;

/**
 * The transcript fields of a conversation record other than its messages: `id` (or the default
 * id), `source`, `metadata` (with `model` when the record names one) and judgekit's own optional
 * fields (`environment`, `condition`, `pairId`, `split`, `labels`) when present.
 */
export function conversationFields(
  record: Record<string, unknown>,
  context: ConversationContext,
  harness: string,
): Omit<TranscriptInput, 'messages'> {
  const id =
    (typeof record.id === 'string' && record.id !== '') || typeof record.id === 'number'
      ? String(record.id)
      : context.defaultId;
  const metadata = {
    ...(isRecord(record.metadata) ? record.metadata : {}),
    ...(typeof record.model === 'string' ? { model: record.model } : {}),
  };
  const passthrough = Object.fromEntries(
    PASSTHROUGH.filter((key) => record[key] !== undefined).map((key) => [key, record[key]]),
  );
  return {
    ...passthrough,
    id,
    source: compact({ harness, file: context.file }),
    ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
  };
}
