import type { InvalidTranscriptError, Transcript, TranscriptSourceItem } from '@judgekit/core';

/** Every item of an importer, in order. */
export async function collect(items: AsyncIterable<TranscriptSourceItem>): Promise<TranscriptSourceItem[]> {
  const result: TranscriptSourceItem[] = [];
  for await (const item of items) result.push(item);
  return result;
}

/** The transcripts among the items. */
export function transcriptsOf(items: readonly TranscriptSourceItem[]): Transcript[] {
  return items.flatMap((item) => (item.ok ? [item.transcript] : []));
}

/** The errors among the items. */
export function errorsOf(items: readonly TranscriptSourceItem[]): InvalidTranscriptError[] {
  return items.flatMap((item) => (item.ok ? [] : [item.error]));
}

/** The concatenated text parts of a message (reasoning excluded). */
export function textOf(transcript: Transcript, index: number): string {
  return (transcript.messages[index]?.content ?? [])
    .filter((part) => part.type === 'text')
    .map((part) => part.text)
    .join('');
}
