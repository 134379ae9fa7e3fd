import type { ModelCall, RecordedRequest } from '@judgekit/providers/testing';

/** The system and user text of a judge request body, whichever wire protocol carried it. */
export function requestTexts(body: Record<string, unknown>): { system: string; prompt: string } {
  if (Array.isArray(body.system)) {
    const system = (body.system as { text: string }[]).map((block) => block.text).join('');
    const first = (body.messages as { content: unknown }[])[0]!.content;
    const prompt =
      typeof first === 'string' ? first : (first as { text: string }[]).map((block) => block.text).join('');
    return { system, prompt };
  }
  const messages = body.messages as { role: string; content: string }[];
  return {
    system: messages.find((message) => message.role === 'system')!.content,
    prompt: messages.find((message) => message.role === 'user')!.content,
  };
}

/** The texts of a recorded request (parsed from its exact body bytes). */
export function recordedTexts(request: RecordedRequest): { system: string; prompt: string } {
  return requestTexts(JSON.parse(request.body) as Record<string, unknown>);
}

/** One part of a message as the judge saw it inside the fence. */
export interface FencedPart {
  message: number;
  role: string;
  part: string;
  text: string;
}

const HEADER = /^#(\d+) (system|user|assistant|tool)(?: (text|reasoning|tool_call|tool_result))?(?: |$)/;

/**
 * Reads a part header without its fence id (`#3 assistant reasoning`, `#4 tool "bash"`): the kind
 * is the role's usual one when the header names none. Undefined for any other line.
 */
export function partOfHeader(header: string): Omit<FencedPart, 'text'> | undefined {
  const match = HEADER.exec(header);
  if (!match) return undefined;
  const role = match[2]!;
  return { message: Number(match[1]), role, part: match[3] ?? (role === 'tool' ? 'tool_result' : 'text') };
}

/** Reads the fenced transcript of a judge prompt back into parts, the way a model would see it. */
export function fencedParts(prompt: string): { id: string; parts: FencedPart[] } {
  const id = /^FENCE-ID: ([0-9a-f]+)$/m.exec(prompt)?.[1];
  if (!id) throw new Error('no FENCE-ID line in the prompt');
  const open = `<transcript id="${id}">\n`;
  const close = `\n</transcript id="${id}">`;
  const start = prompt.indexOf(open);
  const end = prompt.lastIndexOf(close);
  const inside = prompt.slice(start + open.length, end);
  const parts: (FencedPart & { lines: string[] })[] = [];
  for (const line of inside.split('\n')) {
    const header = line.startsWith(`[${id}] `) ? partOfHeader(line.slice(id.length + 3)) : undefined;
    if (header) parts.push({ ...header, text: '', lines: [] });
    else parts.at(-1)?.lines.push(line);
  }
  for (const part of parts) part.text = part.lines.join('\n');
  return { id, parts: parts.map(({ lines: _lines, ...part }) => part) };
}

/** The dimensions a call's schema asks for. */
export function askedDimensions(call: ModelCall): string[] {
  const schema = call.schema as { properties?: Record<string, unknown> } | undefined;
  return Object.keys(schema?.properties ?? {});
}
