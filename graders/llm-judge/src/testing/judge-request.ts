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
  const header = new RegExp(`^\\[${id}\\] message (\\d+) · (\\w+) · (\\w+).*$`);
  for (const line of inside.split('\n')) {
    const match = header.exec(line);
    if (match)
      parts.push({ message: Number(match[1]), role: match[2]!, part: match[3]!, text: '', lines: [] });
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
