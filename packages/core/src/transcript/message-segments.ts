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
  // `next` is where the next segment starts: after the previous one and its separator. Each segment
  // is built as one literal, keys in the order they always had (`kind`, `text`, then `redacted` or
  // `toolCall`, then `start`): V8 builds a spread followed by a new key several times slower. No
  // closure is made per call: this runs for every message a grader or a quote check looks at.
  let next = 0;
  for (const part of message.content) {
    const text = part.text;
    const start = next;
    next = start + text.length + SEPARATOR.length;
    if (part.type === 'text') segments.push({ kind: 'text', text, start });
    else if (part.redacted) segments.push({ kind: 'reasoning', text, redacted: true, start });
    else segments.push({ kind: 'reasoning', text, start });
  }
  const calls = message.toolCalls;
  if (calls !== undefined) {
    for (const call of calls) {
      const text = toolCallText(call);
      const start = next;
      next = start + text.length + SEPARATOR.length;
      segments.push({ kind: 'tool_call', text, toolCall: call, start });
    }
  }
  return segments;
}

/** The canonical text of a message: every segment, joined by newlines. */
export function messageText(message: Message): string {
  return messageSegments(message)
    .map((segment) => segment.text)
    .join(SEPARATOR);
}
