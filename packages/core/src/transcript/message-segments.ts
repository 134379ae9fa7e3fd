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
  const push = (segment: Omit<MessageSegment, 'start'>) => {
    if (segments.length > 0) offset += SEPARATOR.length;
    segments.push({ ...segment, start: offset });
    offset += segment.text.length;
  };
  for (const part of message.content) {
    if (part.type === 'text') push({ kind: 'text', text: part.text });
    else push({ kind: 'reasoning', text: part.text, ...(part.redacted ? { redacted: true } : {}) });
  }
  for (const call of message.toolCalls ?? [])
    push({ kind: 'tool_call', text: toolCallText(call), toolCall: call });
  return segments;
}

/** The canonical text of a message: every segment, joined by newlines. */
export function messageText(message: Message): string {
  return messageSegments(message)
    .map((segment) => segment.text)
    .join(SEPARATOR);
}
