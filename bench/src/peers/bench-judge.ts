import { createHash } from 'node:crypto';
import type { FencedPart } from '@judgekit/grader-llm-judge/testing';
import { keywordAnswer, keywordReply, partOfHeader } from '@judgekit/grader-llm-judge/testing';
import type { ModelCall, ReplyStep, ScriptStep } from '@judgekit/providers/testing';
import { reply, replyText } from '@judgekit/providers/testing';
import { PLAIN_END } from './plain-transcript.js';

/** Which tool sent a model call, from the shape of its request. */
export type ToolKind = 'judgekit' | 'autoevals' | 'promptfoo';

interface ChatMessage {
  role: string;
  content: unknown;
}

function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content.map((part) => (typeof part?.text === 'string' ? part.text : '')).join('');
  }
  return '';
}

/** The tool whose request this is: autoevals forces `select_choice`, judgekit fences, promptfoo neither. */
export function toolOf(body: Record<string, unknown>): ToolKind {
  const choice = body.tool_choice as { function?: { name?: string } } | undefined;
  if (choice?.function?.name === 'select_choice') return 'autoevals';
  const messages = (body.messages ?? []) as ChatMessage[];
  if (messages.some((message) => /^FENCE-ID: [0-9a-f]+$/m.test(messageText(message.content)))) {
    return 'judgekit';
  }
  return 'promptfoo';
}

/** Reads a peer prompt's plain transcript (judgekit's part headers without a fence id) back into parts. */
export function plainParts(text: string): FencedPart[] {
  const parts: (FencedPart & { lines: string[] })[] = [];
  for (const line of text.split('\n')) {
    if (line === PLAIN_END) break;
    const header = partOfHeader(line);
    if (header) parts.push({ ...header, text: '', lines: [] });
    else parts.at(-1)?.lines.push(line);
  }
  return parts.map(({ lines, ...part }) => ({ ...part, text: lines.join('\n') }));
}

/** A part header at the start of a line: the transcript starts at the first one. */
const FIRST_HEADER = /^#\d+ (system|user|assistant|tool)\b/m;

/** The `Dimension:` a peer prompt asks about. */
function askedDimension(text: string): string {
  const dimension = /^Dimension: (\w+)$/m.exec(text)?.[1];
  if (!dimension) throw new Error('bench judge: a peer prompt without a Dimension line');
  return dimension;
}

/**
 * The bench judge: one keyword judge (the local judge of `graders/llm-judge`) answering each tool in
 * the format that tool expects — judgekit's fenced JSON schema, autoevals' forced `select_choice`
 * tool call, promptfoo's llm-rubric JSON `{reason, pass, score}` — with the same decision for the
 * same transcript and dimension. Deterministic: the same request gets the same answer.
 */
export function benchAnswer(call: ModelCall): { tool: ToolKind; step: ScriptStep; text: string } {
  const tool = toolOf(call.body);
  if (tool === 'judgekit') {
    const step = keywordReply(call) as ReplyStep;
    return { tool, step, text: JSON.stringify(step.json) };
  }
  const messages = (call.body.messages ?? []) as ChatMessage[];
  const all = messages.map((message) => messageText(message.content)).join('\n');
  const answer = keywordAnswer(plainParts(all.slice(all.search(FIRST_HEADER))), askedDimension(all));
  if (tool === 'autoevals') {
    const json = { reasons: answer.rationale, choice: answer.label ? 'Y' : 'N' };
    return { tool, step: reply(json), text: JSON.stringify(json) };
  }
  const text = JSON.stringify({ reason: answer.rationale, pass: !answer.label, score: answer.label ? 0 : 1 });
  return { tool, step: replyText(text), text };
}

/** A stable key for a request body (canonical JSON, sha256). */
export function bodyKey(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}
