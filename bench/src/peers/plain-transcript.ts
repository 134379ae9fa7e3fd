import type { Transcript } from '@judgekit/core';
import { partHeader, renderTranscript } from '@judgekit/grader-llm-judge';

/** Same part limits as the judge's defaults, so every tool reads the same text. */
const LIMITS = { maxToolOutputChars: 8_000, maxPartChars: 20_000 };

/** Closes the transcript in a peer's prompt (the bench server reads the parts back up to here). */
export const PLAIN_END = 'END OF TRANSCRIPT';

/**
 * The transcript as the peers receive it: exactly the parts judgekit's judge reads (same view, same
 * limits), each under the same header as judgekit's (`#3 assistant reasoning`, `#4 tool "bash"`) without
 * judgekit's fence id.
 */
export function plainTranscript(transcript: Transcript): string {
  const rendered = renderTranscript(transcript, 'all', LIMITS);
  const lines: string[] = [];
  for (const message of rendered.messages) {
    for (const part of message.parts) {
      lines.push(partHeader(message, part));
      lines.push(
        part.tail ? `${part.head}\n[… ${part.removedChars} characters cut …]\n${part.tail}` : part.head,
      );
    }
  }
  lines.push(PLAIN_END);
  return lines.join('\n');
}
