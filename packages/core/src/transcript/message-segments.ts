import type { Message, ToolCall } from '../schemas/transcript.js';

/** One piece of a message's canonical text. */
export interface MessageSegment {
  kind: 'text' | 'reasoning' | 'tool_call';
  text: string;
  /** Offset of `text` in the message's canonical text. */
  start: number;
  /** For reasoning: the provider redacted it (`text` is then empty or a summary). */
  redacted?: boolean;
  /** For tool calls: the call. */
  toolCall?: ToolCall;
}

const SEPARATOR = '\n';

/** How a tool call reads in canonical text: `name {"arg":1}`. */
export function toolCallText(call: ToolCall): string {
  return `${call.name} ${call.argumentsText ?? JSON.stringify(call.arguments)}`;
}

/**
 * Splits a message into segments of its canonical text: content parts in order, then tool calls,
 * joined by newlines. Evidence spans are offsets into this text, whatever view a grader used.
 */
export function messageSegments(message: Message): MessageSegment[] {
  const segments: MessageSegment[] = [];
  let offset = 0;
  // Each segment is built as one literal, keys in the order they always had (`kind`, `text`, then
  // `redacted` or `toolCall`, then `start`): V8 builds a spread followed by a new key several times
  // slower, and this runs for every message a grader or a quote check looks at.
  const startOf = (text: string) => {
    if (segments.length > 0) offset += SEPARATOR.length;
    const start = offset;
    offset += text.length;
    return start;
  };
  for (const part of message.content) {
    if (part.type === 'text') segments.push({ kind: 'text', text: part.text, start: startOf(part.text) });
    else if (part.redacted)
      segments.push({ kind: 'reasoning', text: part.text, redacted: true, start: startOf(part.text) });
    else segments.push({ kind: 'reasoning', text: part.text, start: startOf(part.text) });
  }
  for (const call of message.toolCalls ?? []) {
    const text = toolCallText(call);
    segments.push({ kind: 'tool_call', text, toolCall: call, start: startOf(text) });
  }
  return segments;
}

/** The canonical text of a message: every segment, joined by newlines. */
export function messageText(message: Message): string {
  return messageSegments(message)
    .map((segment) => segment.text)
    .join(SEPARATOR);
}
