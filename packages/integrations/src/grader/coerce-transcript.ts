import { createHash } from 'node:crypto';
import type { TranscriptInput } from '@judgekit/core';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads what another harness hands over as a judgekit transcript: a transcript object (or its
 * JSON), an array of judgekit messages (or its JSON), or plain text, taken as one assistant
 * message. A transcript without an id gets `<idPrefix>/<sha256 of the content, 12 hex>`.
 * Other harnesses' message formats convert first with `@judgekit/adapters`
 * (`transcriptFromOpenAI`, `transcriptFromAnthropic`).
 */
export function coerceTranscript(value: unknown, idPrefix = 'transcript'): TranscriptInput {
  let parsed = value;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.startsWith('{') || text.startsWith('[')) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = value;
      }
    }
  }
  const id = () =>
    `${idPrefix}/${createHash('sha256')
      .update(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))
      .digest('hex')
      .slice(0, 12)}`;
  if (typeof parsed === 'string') return { id: id(), messages: [{ role: 'assistant', content: parsed }] };
  if (Array.isArray(parsed)) return { id: id(), messages: parsed as TranscriptInput['messages'] };
  if (isRecord(parsed) && Array.isArray(parsed.messages)) {
    return {
      ...(parsed as TranscriptInput),
      id: typeof parsed.id === 'string' && parsed.id ? parsed.id : id(),
    };
  }
  return { id: id(), messages: [{ role: 'assistant', content: JSON.stringify(parsed) ?? String(parsed) }] };
}
