import { type Transcript, type View, viewTranscript } from '@judgekit/core';
import { type Cut, middleTruncate } from '../long-transcript/middle-truncate.js';

/** Limits on what one part of a message may take in the prompt (longer parts are cut in the middle). */
export interface PartLimits {
  /** Characters kept of a tool result. */
  maxToolOutputChars: number;
  /** Characters kept of any other part (text, reasoning, tool call). */
  maxPartChars: number;
}

/** One visible part of a message, ready to be fenced. */
export interface RenderedPart {
  part: Cut['part'];
  /** Verbatim head of the part (the whole part when nothing was cut). */
  head: string;
  /** Verbatim tail after a cut; empty when nothing was cut. */
  tail: string;
  removedChars: number;
}

/** One visible message, ready to be fenced. */
export interface RenderedMessage {
  index: number;
  role: string;
  /** Header detail for tool results: the tool's name (sanitized) and whether it errored. */
  detail: string;
  parts: RenderedPart[];
  /** Characters this message takes in the prompt (without the fence id in headers). */
  chars: number;
}

/** The visible messages of a transcript under a view, with long parts cut, and what was cut. */
export interface RenderedTranscript {
  messages: RenderedMessage[];
  cuts: Cut[];
}

const MAX_NAME_CHARS = 64;

function toolDetail(name: string | undefined, isError: boolean | undefined): string {
  const parts: string[] = [];
  if (name) parts.push(JSON.stringify(name.slice(0, MAX_NAME_CHARS)));
  if (isError) parts.push('error');
  return parts.map((part) => ` ${part}`).join('');
}

/** The part kind a role's parts usually are: a header names a part's kind only when it differs. */
function usualPart(role: string): Cut['part'] {
  return role === 'tool' ? 'tool_result' : 'text';
}

/**
 * What the judge may read of a transcript: exactly `viewTranscript(transcript, view)` (so the judge
 * never sees what the view hides), each part cut in the middle when it is longer than its limit.
 */
export function renderTranscript(transcript: Transcript, view: View, limits: PartLimits): RenderedTranscript {
  const cuts: Cut[] = [];
  const messages = viewTranscript(transcript, view).map((message): RenderedMessage => {
    const parts = message.segments.map((segment): RenderedPart => {
      const part: Cut['part'] =
        message.role === 'tool' && segment.kind === 'text' ? 'tool_result' : segment.kind;
      const limit = part === 'tool_result' ? limits.maxToolOutputChars : limits.maxPartChars;
      const text = segment.redacted && segment.text === '' ? '(redacted reasoning)' : segment.text;
      const { head, tail, removedChars } = middleTruncate(text, limit);
      if (removedChars > 0) {
        cuts.push({ messageIndex: message.index, part, originalChars: text.length, removedChars });
      }
      return { part, head, tail, removedChars };
    });
    const detail = message.role === 'tool' ? toolDetail(message.name, message.isError) : '';
    const chars = parts.reduce((sum, part) => sum + part.head.length + part.tail.length + 60, detail.length);
    return { index: message.index, role: message.role, detail, parts, chars };
  });
  return { messages, cuts };
}

/** Every text a fence must not be closable from: the parts and the header details. */
export function fencedContents(messages: readonly RenderedMessage[]): string[] {
  return messages.flatMap((message) => [
    message.detail,
    ...message.parts.flatMap((part) => [part.head, part.tail]),
  ]);
}

/**
 * The header of one part, without the fence id: the message number, the role, the part's kind
 * unless it is the role's usual one (`text`; `tool_result` in a tool message), and for a tool
 * result the tool's name and `error` — `#3 assistant reasoning`, `#4 tool "bash" error`, `#5 user`.
 */
export function partHeader(message: RenderedMessage, part: RenderedPart): string {
  const kind = part.part === usualPart(message.role) ? '' : ` ${part.part}`;
  return `#${message.index} ${message.role}${kind}${message.detail}`;
}

/**
 * The transcript inside its fence. Every part starts with a header line carrying the fence id
 * (`[ID] #3 assistant reasoning`), so content cannot forge one; a cut is marked on its own line,
 * also with the id, between the verbatim head and tail.
 */
export function fenceTranscript(messages: readonly RenderedMessage[], id: string): string {
  const lines: string[] = [`<transcript id="${id}">`];
  for (const message of messages) {
    for (const part of message.parts) {
      lines.push(`[${id}] ${partHeader(message, part)}`);
      if (part.removedChars === 0) {
        lines.push(part.head);
        continue;
      }
      lines.push(part.head, `[${id}] … ${part.removedChars} characters cut …`, part.tail);
    }
  }
  lines.push(`</transcript id="${id}">`);
  return lines.join('\n');
}
