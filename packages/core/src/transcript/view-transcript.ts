import type { Message, Transcript } from '../schemas/transcript.js';
import type { View } from '../schemas/view.js';
import { type MessageSegment, messageSegments } from './message-segments.js';

/** A message as a grader under some view may see it. */
export interface ViewedMessage {
  /** Index in `transcript.messages`: use it in evidence. */
  index: number;
  role: Message['role'];
  /** The visible segments, with offsets into the message's full canonical text. */
  segments: MessageSegment[];
  toolCallId?: string | undefined;
  name?: string | undefined;
  isError?: boolean | undefined;
}

function visible(role: Message['role'], segment: MessageSegment, view: View): boolean {
  if (view === 'all') return true;
  if (view === 'actions') return segment.kind !== 'reasoning';
  // reasoning: the task context, and the assistant's reasoning only
  if (role === 'system' || role === 'user') return segment.kind === 'text';
  return role === 'assistant' && segment.kind === 'reasoning';
}

/** The segments of `all` that `view` shows: `all` itself when it shows every one (no copy). */
function visibleSegments(role: Message['role'], all: MessageSegment[], view: View): MessageSegment[] {
  if (view === 'all') return all;
  let shown: MessageSegment[] | undefined;
  for (let index = 0; index < all.length; index++) {
    const segment = all[index]!;
    if (visible(role, segment, view)) {
      if (shown !== undefined) shown.push(segment);
    } else if (shown === undefined) shown = all.slice(0, index);
  }
  return shown ?? all;
}

/**
 * One message as a grader under `view` sees it: only its visible segments, or `undefined` when
 * nothing of it is visible.
 */
export function viewMessage(message: Message, index: number, view: View): ViewedMessage | undefined {
  const segments = visibleSegments(message.role, messageSegments(message), view);
  if (segments.length === 0) return undefined;
  return {
    index,
    role: message.role,
    segments,
    toolCallId: message.toolCallId,
    name: message.name,
    isError: message.isError,
  };
}

/**
 * What a grader under `view` may read: messages with only their visible segments; messages with
 * nothing visible are dropped. Every grader reads transcripts through this.
 */
export function viewTranscript(transcript: Transcript, view: View): ViewedMessage[] {
  const viewed: ViewedMessage[] = [];
  const messages = transcript.messages;
  for (let index = 0; index < messages.length; index++) {
    const seen = viewMessage(messages[index]!, index, view);
    if (seen) viewed.push(seen);
  }
  return viewed;
}

/** Whether a transcript holds any reasoning (redacted or not). */
export function hasReasoning(transcript: Transcript): boolean {
  return transcript.messages.some((message) => message.content.some((part) => part.type === 'reasoning'));
}
