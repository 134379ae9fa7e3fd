import type { ContentPart, ToolCall } from '@judgekit/core';

/** A message being built by a mapper, in the core `Message` shape. */
export interface MessageDraft {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: ContentPart[];
  toolCalls?: ToolCall[];
  toolCallId?: string;
  name?: string;
  isError?: boolean;
  metadata?: Record<string, unknown>;
}

/** A text part. */
export function textPart(text: string): ContentPart {
  return { type: 'text', text };
}

/** True when the value is a plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Drops `undefined` values so optional fields stay absent rather than present-and-undefined. */
export function compact<const T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
