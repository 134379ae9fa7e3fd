import type { DisagreementQueueRecord } from '@judgekit/analysis';
import { type Evidence, findQuote, type GoldEvidence, messageText, type Transcript } from '@judgekit/core';
import type { Highlight, TranscriptExcerpt } from './run-report-schema.js';

/** How a gold annotator appears among the raters of an excerpt. */
export function goldRaterName(annotator: string): string {
  return `gold (${annotator})`;
}

/** Merges overlapping ranges into disjoint highlights, each listing every rater whose range covers it. */
export function mergeHighlights(
  ranges: readonly { start: number; end: number; rater: string }[],
): Highlight[] {
  const cuts = [...new Set(ranges.flatMap((range) => [range.start, range.end]))].sort((a, b) => a - b);
  const highlights: Highlight[] = [];
  for (let index = 0; index + 1 < cuts.length; index++) {
    const start = cuts[index]!;
    const end = cuts[index + 1]!;
    const raters = [
      ...new Set(
        ranges.filter((range) => range.start <= start && range.end >= end).map((range) => range.rater),
      ),
    ].sort();
    if (raters.length === 0) continue;
    const previous = highlights.at(-1);
    if (previous && previous.end === start && previous.raters.join() === raters.join()) previous.end = end;
    else highlights.push({ start, end, raters });
  }
  return highlights;
}

/**
 * The messages a queued item's evidence points at, with each rater's quotes highlighted: the
 * verified span when the runner checked it, otherwise wherever the quote occurs in that message.
 * The gold annotator's evidence is highlighted too, as `gold (<annotator>)`. Quotes that occur
 * nowhere in their message are listed apart, since a grader citing text that is not there is
 * itself worth a reviewer's eye.
 */
export function transcriptExcerpt(
  record: DisagreementQueueRecord,
  transcript: Transcript,
): TranscriptExcerpt {
  const ranges = new Map<number, { start: number; end: number; rater: string }[]>();
  const unmatchedQuotes: TranscriptExcerpt['unmatchedQuotes'] = [];
  const texts = new Map<number, string>();
  const textOf = (index: number) => {
    if (!texts.has(index)) texts.set(index, messageText(transcript.messages[index]!));
    return texts.get(index)!;
  };
  const sources = [
    ...record.ratings.map((rating) => ({ rater: rating.rater, evidence: rating.evidence })),
    ...(record.gold?.evidence.length
      ? [{ rater: goldRaterName(record.gold.annotator), evidence: record.gold.evidence }]
      : []),
  ];
  for (const rating of sources) {
    for (const evidence of rating.evidence as readonly (GoldEvidence & Partial<Evidence>)[]) {
      if (evidence.messageIndex >= transcript.messages.length) {
        unmatchedQuotes.push({
          rater: rating.rater,
          messageIndex: evidence.messageIndex,
          quote: evidence.quote,
        });
        continue;
      }
      const text = textOf(evidence.messageIndex);
      const span =
        evidence.verified && evidence.span && evidence.span.end <= text.length
          ? evidence.span
          : evidence.verified === false
            ? undefined
            : findQuote(text, evidence.quote);
      if (!span) {
        unmatchedQuotes.push({
          rater: rating.rater,
          messageIndex: evidence.messageIndex,
          quote: evidence.quote,
        });
        continue;
      }
      const list = ranges.get(evidence.messageIndex) ?? [];
      list.push({ start: span.start, end: span.end, rater: rating.rater });
      ranges.set(evidence.messageIndex, list);
    }
  }
  return {
    transcriptId: record.transcriptId,
    messages: [...ranges.keys()]
      .sort((a, b) => a - b)
      .map((index) => ({
        index,
        role: transcript.messages[index]!.role,
        text: textOf(index),
        highlights: mergeHighlights(ranges.get(index)!),
      })),
    unmatchedQuotes,
  };
}
