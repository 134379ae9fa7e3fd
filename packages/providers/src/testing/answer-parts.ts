import type { ModelCall, ReplyStep } from './test-server-types.js';

/** What every wire renderer needs from a reply: its text, token counts and reported model. */
export interface AnswerParts {
  text: string;
  model: string;
  usage: { input: number; output: number; cachedInput: number; cacheWrite: number };
}

/** Resolves a reply step's defaults against the call it answers. */
export function answerParts(call: ModelCall, step: ReplyStep, rawBody: string): AnswerParts {
  const text = step.text ?? (step.json === undefined ? '' : JSON.stringify(step.json));
  return {
    text,
    model: step.model ?? call.model,
    usage: {
      input: step.usage?.input ?? Math.ceil(rawBody.length / 4),
      output: step.usage?.output ?? Math.max(1, Math.ceil(text.length / 4)),
      cachedInput: step.usage?.cachedInput ?? 0,
      cacheWrite: step.usage?.cacheWrite ?? 0,
    },
  };
}

let counter = 0;

/** A fresh id with a provider-style prefix (`chatcmpl-`, `msg_`, ...). */
export function nextId(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter.toString(36).padStart(4, '0')}`;
}
