import {
  type MessageSegment,
  type ToolCall,
  type Transcript,
  type View,
  type ViewedMessage,
  viewTranscript,
} from '@judgekit/core';

/** A text or reasoning segment with the message it belongs to. */
export interface SegmentFact {
  messageIndex: number;
  role: ViewedMessage['role'];
  segment: MessageSegment;
}

/** A tool result message (its visible text). */
export interface ToolResultFact {
  messageIndex: number;
  /** The first text segment of the result (empty text when the result has none). */
  segment: MessageSegment;
  isError: boolean;
  name: string | undefined;
}

/** A tool call with the result that answers it, when there is one in view. */
export interface ToolCallFact {
  messageIndex: number;
  /** Position among the transcript's calls, 0-based. */
  order: number;
  call: ToolCall;
  /** The call's segment: canonical text `name {"arg":…}`. */
  segment: MessageSegment;
  result: ToolResultFact | undefined;
  /** Memoized argument values, keyed by the compiled paths that read them. */
  values: Map<readonly unknown[], string[]> | undefined;
  /** Memoized arguments part of the canonical text. */
  argumentsText: { text: string; offset: number } | undefined;
}

/** What the rule graders read of one transcript under one view, computed once and shared. */
export interface TranscriptFacts {
  view: View;
  messages: readonly ViewedMessage[];
  calls: readonly ToolCallFact[];
  results: readonly ToolResultFact[];
  /** System and user text: the task and its rules. */
  task: readonly SegmentFact[];
  /** Assistant output text (what the user reads). */
  output: readonly SegmentFact[];
  /** Assistant reasoning. */
  reasoning: readonly SegmentFact[];
  /** `environment` of the transcript, `''` when absent. */
  environment: string;
  /** Work the graders share on these facts, by owner and key: read and written through `sharedWork`. */
  shared: Map<object, Map<string, unknown>>;
}

const EMPTY_SEGMENT: MessageSegment = { kind: 'text', text: '', start: 0 };

/** The first text segment of a message, or an empty one. */
function firstText(segments: readonly MessageSegment[]): MessageSegment {
  for (const segment of segments) if (segment.kind === 'text') return segment;
  return EMPTY_SEGMENT;
}

function buildFacts(transcript: Transcript, view: View): TranscriptFacts {
  const messages = viewTranscript(transcript, view);
  const calls: ToolCallFact[] = [];
  const results: ToolResultFact[] = [];
  const task: SegmentFact[] = [];
  const output: SegmentFact[] = [];
  const reasoning: SegmentFact[] = [];
  const byId = new Map<string, ToolCallFact>();
  // calls without a result yet, in order: a result that names no known call answers the first
  const unanswered: ToolCallFact[] = [];
  for (const message of messages) {
    const role = message.role;
    if (role === 'tool') {
      const result: ToolResultFact = {
        messageIndex: message.index,
        segment: firstText(message.segments),
        isError: message.isError === true,
        name: message.name,
      };
      results.push(result);
      let call = message.toolCallId === undefined ? undefined : byId.get(message.toolCallId);
      if (call?.result) call = undefined;
      call ??= unanswered[0];
      if (call) {
        call.result = result;
        const at = unanswered.indexOf(call);
        if (at >= 0) unanswered.splice(at, 1);
      }
      continue;
    }
    for (const segment of message.segments) {
      if (segment.kind === 'tool_call' && segment.toolCall) {
        const fact: ToolCallFact = {
          messageIndex: message.index,
          order: calls.length,
          call: segment.toolCall,
          segment,
          result: undefined,
          // set when first read: declared here so every call fact keeps one shape
          values: undefined,
          argumentsText: undefined,
        };
        calls.push(fact);
        unanswered.push(fact);
        if (!byId.has(segment.toolCall.id)) byId.set(segment.toolCall.id, fact);
      } else if (segment.kind === 'reasoning') {
        if (role === 'assistant') reasoning.push({ messageIndex: message.index, role, segment });
      } else if (role === 'assistant') {
        output.push({ messageIndex: message.index, role, segment });
      } else if (role === 'system' || role === 'user') {
        task.push({ messageIndex: message.index, role, segment });
      }
    }
  }
  return {
    view,
    messages,
    calls,
    results,
    task,
    output,
    reasoning,
    environment: transcript.environment ?? '',
    shared: new Map(),
  };
}

const cache = new WeakMap<Transcript, Partial<Record<View, TranscriptFacts>>>();

/**
 * The facts of `transcript` under `view`, read through core's `viewTranscript`. Cached per
 * transcript object, so the three rule graders grading one transcript share one pass.
 */
export function transcriptFacts(transcript: Transcript, view: View): TranscriptFacts {
  let byView = cache.get(transcript);
  if (!byView) {
    byView = {};
    cache.set(transcript, byView);
  }
  let facts = byView[view];
  if (!facts) {
    facts = buildFacts(transcript, view);
    byView[view] = facts;
  }
  return facts;
}
