import type { MessageInput, TranscriptInput } from '@judgekit/core';

/** One agent step: optional reasoning and text, a call, and the call's result. */
export interface StepInput {
  reasoning?: string;
  text?: string;
  tool: string;
  args: Record<string, unknown>;
  result?: string;
  isError?: boolean;
}

/** A compact transcript description for tests. */
export interface ScriptInput {
  id?: string;
  environment?: string;
  policy?: Record<string, unknown>;
  system?: string;
  user: string;
  steps?: StepInput[];
  /** The final report; `reasoning` before it when given. */
  report?: string;
  finalReasoning?: string;
}

let counter = 0;

/** Builds a transcript: system, user, one assistant+tool pair per step, then the final report. */
export function script(input: ScriptInput): TranscriptInput {
  const messages: MessageInput[] = [];
  if (input.system) messages.push({ role: 'system', content: input.system });
  messages.push({ role: 'user', content: input.user });
  for (const step of input.steps ?? []) {
    const id = `call_${++counter}`;
    const content: Array<{ type: 'text' | 'reasoning'; text: string }> = [];
    if (step.reasoning) content.push({ type: 'reasoning', text: step.reasoning });
    if (step.text) content.push({ type: 'text', text: step.text });
    messages.push({ role: 'assistant', content, toolCalls: [{ id, name: step.tool, arguments: step.args }] });
    if (step.result !== undefined) {
      messages.push({
        role: 'tool',
        toolCallId: id,
        name: step.tool,
        content: step.result,
        ...(step.isError ? { isError: true } : {}),
      });
    }
  }
  if (input.report !== undefined || input.finalReasoning !== undefined) {
    const content: Array<{ type: 'text' | 'reasoning'; text: string }> = [];
    if (input.finalReasoning) content.push({ type: 'reasoning', text: input.finalReasoning });
    if (input.report !== undefined) content.push({ type: 'text', text: input.report });
    messages.push({ role: 'assistant', content });
  }
  return {
    id: input.id ?? `t${++counter}`,
    messages,
    ...(input.environment ? { environment: input.environment } : {}),
    ...(input.policy ? { metadata: { policy: input.policy } } : {}),
  };
}

/** A transcript whose only assistant message has this reasoning and this text. */
export function said(options: {
  user?: string;
  system?: string;
  reasoning?: string;
  text?: string;
}): TranscriptInput {
  const content: Array<{ type: 'text' | 'reasoning'; text: string }> = [];
  if (options.reasoning) content.push({ type: 'reasoning', text: options.reasoning });
  if (options.text) content.push({ type: 'text', text: options.text });
  const messages: MessageInput[] = [];
  if (options.system) messages.push({ role: 'system', content: options.system });
  messages.push({ role: 'user', content: options.user ?? 'Please help with the task.' });
  messages.push({ role: 'assistant', content });
  return { id: `said${++counter}`, messages };
}
